package org.livenesskiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Guards the operator console. Without a PIN yet (a new installation) it asks the operator to
 * choose one. Hashing takes a tenth of a second, so it runs off the UI thread.
 */
final class PinPrompt extends VBox {

    private final Label title = new Label();
    private final PasswordField pin = new PasswordField();
    private final Label problem = new Label();
    private final Button ok = new Button();
    private final Button close = new Button();
    private Messages messages;
    private String storedHash = "";
    private Consumer<String> onNewPin = hash -> { };
    private Runnable onOpened = () -> { };

    /** @param onClose told when the operator gives up */
    PinPrompt(Runnable onClose) {
        getStyleClass().addAll("overlay", "pin");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        setMaxSize(520, 320);
        title.getStyleClass().add("subtitle");
        pin.setId("pin");
        pin.setMaxWidth(240);
        problem.setId("pinProblem");
        problem.getStyleClass().add("problem");
        ok.setId("pinOk");
        ok.setDefaultButton(true);
        ok.setOnAction(event -> check());
        close.setId("pinClose");
        close.setCancelButton(true);
        close.setOnAction(event -> onClose.run());
        HBox buttons = new HBox(16, ok, close);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, pin, problem, buttons);
    }

    /**
     * @param hash     the stored PIN hash, empty when none was chosen yet
     * @param onNewPin told the hash of a newly chosen PIN
     * @param onOpened told when the PIN was right (or newly chosen)
     */
    void ask(String hash, Consumer<String> onNewPin, Runnable onOpened) {
        this.storedHash = hash;
        this.onNewPin = onNewPin;
        this.onOpened = onOpened;
        pin.clear();
        problem.setText("");
        ok.setDisable(false);
        relabel(messages);
        pin.requestFocus();
    }

    private void check() {
        String typed = pin.getText();
        pin.clear();
        if (storedHash.isEmpty()) {
            if (!OperatorPin.acceptable(typed)) {
                problem.setText(messages.text(UiText.CONSOLE_PIN_TOO_SHORT));
                return;
            }
            ok.setDisable(true);
            CompletableFuture.supplyAsync(() -> OperatorPin.hash(typed)).thenAccept(hash -> Platform.runLater(() -> {
                onNewPin.accept(hash);
                onOpened.run();
            }));
            return;
        }
        ok.setDisable(true);
        String hash = storedHash;
        CompletableFuture.supplyAsync(() -> OperatorPin.matches(typed, hash)).thenAccept(right -> Platform.runLater(() -> {
            ok.setDisable(false);
            if (right) {
                onOpened.run();
            } else {
                problem.setText(messages.text(UiText.CONSOLE_PIN_WRONG));
            }
        }));
    }

    void relabel(Messages messages) {
        this.messages = messages;
        title.setText(messages.text(storedHash.isEmpty() ? UiText.CONSOLE_PIN_CHOOSE : UiText.CONSOLE_PIN_ENTER));
        ok.setText(messages.text(UiText.CONSOLE_OK));
        close.setText(messages.text(UiText.CONSOLE_CLOSE));
    }
}
