package org.livenesskiosk.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.livenesskiosk.liveness.LivenessError;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The operator's view of the session on the result screen, behind the PIN: the code, its
 * explanation and way out, the detail (with the service's own code), the verdict, and the face
 * photo, which the customer's screen never shows to the queue behind them.
 */
final class ResultDetails extends VBox {

    private static final int IMAGE_SIZE = 260;

    private final Label title = new FlowingLabel();
    private final Label code = new Label();
    private final Label explanation = new FlowingLabel();
    private final Label wayOut = new FlowingLabel();
    private final Label detail = new FlowingLabel();
    private final ImageView bestImage = new ImageView();
    private final Button close = new Button();
    private KioskOutcome outcome = KioskOutcome.failed(LivenessError.UNDEFINED, "");
    private Messages messages;

    ResultDetails(Runnable onClose) {
        getStyleClass().addAll("overlay", "result-details");
        setId("resultDetails");
        setSpacing(12);
        setPadding(new Insets(24));
        setAlignment(Pos.TOP_LEFT);
        title.getStyleClass().add("subtitle");
        code.setId("code");
        code.getStyleClass().add("code");
        explanation.setId("explanation");
        wayOut.setId("wayOut");
        detail.setId("detail");
        bestImage.setId("bestImage");
        bestImage.setFitWidth(IMAGE_SIZE);
        bestImage.setFitHeight(IMAGE_SIZE);
        bestImage.setPreserveRatio(true);
        close.setId("detailsClose");
        close.setOnAction(event -> onClose.run());
        VBox words = new VBox(12, code, explanation, wayOut, detail);
        HBox body = new HBox(24, words, bestImage);
        getChildren().addAll(title, body, close);
    }

    /** The session's details, its face photo decoded only now, for the operator's eyes. */
    void show(KioskOutcome session) {
        outcome = session;
        bestImage.setImage(session.bestImage().map(jpeg -> new Image(new ByteArrayInputStream(jpeg))).orElse(null));
        relabel(messages);
    }

    /** Forgets the photo once the operator closes the details. */
    void clear() {
        bestImage.setImage(null);
    }

    void relabel(Messages messages) {
        this.messages = messages;
        title.setText(messages.text(UiText.CONSOLE_LAST_SESSION));
        close.setText(messages.text(UiText.CONSOLE_CLOSE));
        code.setText(outcome.error().map(LivenessError::name).orElse(messages.text(outcome.manualCheck()
                ? UiText.CONSOLE_VERDICT_MANUAL_CHECK : UiText.CONSOLE_VERDICT_VERIFIED)));
        explanation.setText(outcome.error().map(error -> messages.explanation(error, outcome.detail())).orElse(""));
        wayOut.setText(outcome.error().map(error -> messages.wayOut(error, outcome.detail())).orElse(""));
        detail.setText(outcome.detail());
        for (Label line : List.of(explanation, wayOut, detail)) {
            line.setVisible(!line.getText().isEmpty());
            line.setManaged(line.isVisible());
        }
    }
}
