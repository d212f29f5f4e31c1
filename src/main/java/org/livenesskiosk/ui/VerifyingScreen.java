package org.livenesskiosk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** Shown while the evidence goes to the service. */
final class VerifyingScreen extends VBox {

    private final Label title = new FlowingLabel();

    VerifyingScreen() {
        getStyleClass().add("screen");
        setAlignment(Pos.CENTER);
        setSpacing(32);
        title.getStyleClass().add("title");
        title.setId("verifying");
        title.setTextAlignment(TextAlignment.CENTER);
        setPadding(new Insets(24));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(120, 120);
        getChildren().addAll(progress, title);
    }

    void relabel(Messages messages) {
        title.setText(messages.text(UiText.VERIFYING_TITLE));
    }
}
