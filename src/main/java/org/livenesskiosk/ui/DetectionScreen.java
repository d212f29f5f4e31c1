package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Ellipse;

/**
 * The mirrored live preview with the oval guide, the prompt in large text, the action's
 * animation, the step and the time left, and Cancel.
 */
final class DetectionScreen extends BorderPane {

    /** The oval's size as a share of the preview's height, matching where the session wants the face. */
    private static final double OVAL_HEIGHT = 0.62;

    private static final PseudoClass PLACED = PseudoClass.getPseudoClass("placed");

    private final PreviewView preview = new PreviewView();
    private final Ellipse oval = new Ellipse();
    private final Label prompt = new Label();
    private final ActionIcon actionIcon = new ActionIcon();
    private final Label step = new Label();
    private final ProgressBar timeLeft = new ProgressBar(1);
    private final Label secondsLeft = new Label();
    private final Button cancel = new Button();
    private Messages messages;
    private Optional<Prompt> lastPrompt = Optional.empty();
    /** The step whose time limit the bar shows (0: the preparation), and that limit. */
    private int timedStep = -1;
    private long limitMs;

    DetectionScreen(Runnable onCancel) {
        getStyleClass().add("screen");
        prompt.getStyleClass().add("prompt");
        prompt.setId("prompt");
        prompt.setWrapText(true);
        step.setId("step");
        step.getStyleClass().add("step");
        secondsLeft.getStyleClass().add("step");
        cancel.setId("cancel");
        cancel.setOnAction(event -> onCancel.run());
        oval.getStyleClass().add("oval");
        oval.setMouseTransparent(true);

        StackPane camera = new StackPane(preview, oval);
        camera.setMinSize(0, 0);
        preview.fitWidthProperty().bind(camera.widthProperty());
        preview.fitHeightProperty().bind(camera.heightProperty());
        oval.radiusYProperty().bind(camera.heightProperty().multiply(OVAL_HEIGHT / 2));
        oval.radiusXProperty().bind(oval.radiusYProperty().multiply(0.75));

        HBox top = new HBox(24, actionIcon, prompt);
        top.setAlignment(Pos.CENTER);
        top.setPadding(new Insets(16));
        timeLeft.setPrefWidth(320);
        HBox bottom = new HBox(24, step, timeLeft, secondsLeft, cancel);
        bottom.setAlignment(Pos.CENTER);
        bottom.setPadding(new Insets(16));
        setTop(top);
        setCenter(camera);
        setBottom(bottom);
    }

    /** A new session: its frames, and nothing shown of the previous one. */
    void begin(PreviewFrames frames) {
        preview.show(frames);
        lastPrompt = Optional.empty();
        timedStep = -1;
        prompt.setText("");
        actionIcon.show(Optional.empty());
        step.setText(messages.text(UiText.DETECTION_PREPARING));
        timeLeft.setProgress(1);
        secondsLeft.setText("");
        placedWell(false);
    }

    void end() {
        preview.stop();
        actionIcon.show(Optional.empty());
    }

    /**
     * Shows the session's latest state.
     *
     * @return the prompt when it is a new one, to be spoken
     */
    Optional<Prompt> show(SessionUpdate update) {
        boolean acting = update.state() == SessionState.ACTING;
        placedWell(acting || update.prompt().equals(Optional.of(Prompt.HOLD_STILL)));
        actionIcon.show(acting ? update.action() : Optional.empty());
        step.setText(acting ? messages.text(UiText.DETECTION_STEP, update.step(), update.steps())
                : messages.text(UiText.DETECTION_PREPARING));
        if (update.step() != timedStep) {
            timedStep = update.step();
            limitMs = update.remainingMs();
        }
        timeLeft.setProgress(limitMs == 0 ? 0 : (double) update.remainingMs() / limitMs);
        secondsLeft.setText(messages.text(UiText.DETECTION_REMAINING, (update.remainingMs() + 999) / 1000));
        if (update.prompt().isEmpty() || update.prompt().equals(lastPrompt)) {
            return Optional.empty();
        }
        lastPrompt = update.prompt();
        prompt.setText(messages.prompt(update.prompt().get()));
        return update.prompt();
    }

    private void placedWell(boolean well) {
        oval.pseudoClassStateChanged(PLACED, well);
    }

    void relabel(Messages messages) {
        this.messages = messages;
        cancel.setText(messages.text(UiText.DETECTION_CANCEL));
        lastPrompt.ifPresent(shown -> prompt.setText(messages.prompt(shown)));
    }
}
