package org.livenesskiosk.ui;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Guards the operator console, with the digits on screen for a kiosk without a keyboard. Without a PIN yet (a new installation) it asks the operator to
 * choose one. Hashing takes a tenth of a second, so it runs off the UI thread. After a few wrong
 * PINs it refuses every PIN for a while: a kiosk stands unattended in a public hall.
 */
final class PinPrompt extends VBox {

    static final int WRONG_PINS_ALLOWED = PinLock.WRONG_PINS_ALLOWED;

    private final Label title = new FlowingLabel();
    private final PasswordField pin = new PasswordField();
    private final Label problem = new FlowingLabel();
    private final Button ok = new Button();
    private final Button close = new Button();
    /** Takes back the last digit typed on the keypad. */
    private final Button delete = new Button();
    private Messages messages;
    private String storedHash = "";
    private Consumer<String> onNewPin = hash -> { };
    private Runnable onOpened = () -> { };
    private final Consumer<PinLock> keepLock;
    private PinLock lock = PinLock.open();
    private final PauseTransition locked = new PauseTransition();

    /**
     * @param onClose  told when the operator gives up
     * @param keepLock told the lock after each PIN tried, to keep it across restarts
     */
    PinPrompt(Runnable onClose, Consumer<PinLock> keepLock) {
        this.keepLock = keepLock;
        getStyleClass().addAll("overlay", "pin");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        setMaxSize(600, USE_PREF_SIZE);
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
            problem.setText("");
            ok.setDisable(false);
        });
        HBox buttons = new HBox(16, ok, close);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, pin, keypad(), problem, buttons);
    }

    /**
     * The digits on screen, as a phone lays them out: a touch-only kiosk (the console opened by a
     * long press) has no keyboard, and its on-screen keyboard would cover the prompt.
     */
    private GridPane keypad() {
        GridPane keys = new GridPane();
        keys.setHgap(8);
        keys.setVgap(8);
        keys.setAlignment(Pos.CENTER);
        for (int digit = 0; digit <= 9; digit++) {
            String typed = String.valueOf(digit);
            Button key = new Button(typed);
            key.setId("pinKey" + digit);
            key.getStyleClass().add("pin-key");
            key.setFocusTraversable(false);
            key.setOnAction(event -> pin.appendText(typed));
            // 1 2 3 / 4 5 6 / 7 8 9 / Delete 0
            keys.add(key, digit == 0 ? 1 : (digit - 1) % 3, digit == 0 ? 3 : (digit - 1) / 3);
        }
        delete.setId("pinDelete");
        delete.setFocusTraversable(false);
        delete.setMinWidth(USE_PREF_SIZE);
        delete.setOnAction(event -> pin.deleteText(Math.max(0, pin.getLength() - 1), pin.getLength()));
        keys.add(delete, 0, 3);
        return keys;
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
        if (!showLocked()) {
            problem.setText("");
            ok.setDisable(false);
        }
        relabel(messages);
        pin.requestFocus();
    }

    /** The wrong PINs the kiosk kept from before a restart. */
    void restore(PinLock kept) {
        lock = kept;
    }

    /** Refuses every PIN while the lock lasts; false when it is open. */
    private boolean showLocked() {
        Optional<java.time.Duration> left = lock.lockedFor(Instant.now());
        left.ifPresent(duration -> {
            problem.setText(messages.text(UiText.CONSOLE_PIN_LOCKED));
            ok.setDisable(true);
            locked.setDuration(Duration.millis(duration.toMillis()));
            locked.playFromStart();
        });
        return left.isPresent();
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
        if (showLocked()) {
            return;
        }
        ok.setDisable(true);
        String hash = storedHash;
        CompletableFuture.supplyAsync(() -> OperatorPin.matches(typed, hash)).thenAccept(right -> Platform.runLater(() -> {
            ok.setDisable(false);
            lock = right ? lock.succeeded() : lock.failed(Instant.now());
            keepLock.accept(lock);
            if (right) {
                onOpened.run();
            } else if (!showLocked()) {
                problem.setText(messages.text(UiText.CONSOLE_PIN_WRONG));
            }
        }));
    }

    void relabel(Messages messages) {
        this.messages = messages;
        title.setText(messages.text(storedHash.isEmpty() ? UiText.CONSOLE_PIN_CHOOSE : UiText.CONSOLE_PIN_ENTER));
        ok.setText(messages.text(UiText.CONSOLE_OK));
        close.setText(messages.text(UiText.CONSOLE_CLOSE));
        delete.setText(messages.text(UiText.CONSOLE_PIN_DELETE));
    }
}
