package org.livenesskiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Guards the operator console. Without a PIN yet (a new installation) it asks the operator to
 * choose one. Hashing takes a tenth of a second, so it runs off the UI thread. After a few wrong
 * PINs it refuses every PIN for a while: a kiosk stands unattended in a public hall.
 */
final class PinPrompt extends VBox {

    static final int WRONG_PINS_ALLOWED = 5;
    static final Duration LOCK = Duration.seconds(30);

    private final Label title = new Label();
    private final PasswordField pin = new PasswordField();
    private final Label problem = new Label();
    private final Button ok = new Button();
    private final Button close = new Button();
    private Messages messages;
    private String storedHash = "";
    private Consumer<String> onNewPin = hash -> { };
    private Runnable onOpened = () -> { };
    private int wrongPins;
    private final PauseTransition locked = new PauseTransition(LOCK);

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
        locked.setOnFinished(event -> {
            wrongPins = 0;
            problem.setText("");
            ok.setDisable(false);
        });
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
        if (locked.getStatus() != Animation.Status.RUNNING) {
            problem.setText("");
            ok.setDisable(false);
        }
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
                wrongPins = 0;
                onOpened.run();
            } else if (++wrongPins >= WRONG_PINS_ALLOWED) {
                problem.setText(messages.text(UiText.CONSOLE_PIN_LOCKED));
                ok.setDisable(true);
                locked.playFromStart();
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
