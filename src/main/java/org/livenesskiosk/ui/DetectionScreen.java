package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.FacePlacement;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The detection screen, in regions that cannot overlap: the prompt in large text with the action's
 * animation at the top; the mirrored live preview with its {@link OvalGuide}, the get-ready
 * picture beside it until the first action, and under it what the oval says; the step, the time
 * left and Cancel in the footer.
 */
final class DetectionScreen extends BorderPane {

    private static final PseudoClass FITS = PseudoClass.getPseudoClass("fits");

    private final PreviewView preview = new PreviewView();
    private final OvalGuide guide = new OvalGuide(preview);
    private final FaceFit faceFit = new FaceFit();
    private final Label advice = new FlowingLabel();
    private final GetReady getReady = new GetReady();
    private final Label prompt = new FlowingLabel();
    private final ActionIcon actionIcon = new ActionIcon();
    private final Label step = new Label();
    private final ProgressBar timeLeft = new ProgressBar(1);
    private final Label secondsLeft = new Label();
    private final Button cancel = new Button();
    private Messages messages;
    private Optional<Prompt> lastPrompt = Optional.empty();
    private FaceFit.Advice shownAdvice = FaceFit.Advice.SHOW_FACE;
    private FaceTarget sessionTarget = FaceTarget.STANDARD;
    /** The step whose time limit the bar shows (0: the preparation), and that limit. */
    private int timedStep = -1;
    private long limitMs;

    DetectionScreen(Runnable onCancel) {
        getStyleClass().add("screen");
        prompt.getStyleClass().add("prompt");
        prompt.setId("prompt");
        prompt.setMaxWidth(Double.MAX_VALUE);
        advice.getStyleClass().add("advice");
        advice.setId("advice");
        advice.setMaxWidth(Double.MAX_VALUE);
        step.setId("step");
        step.getStyleClass().add("step");
        step.setMinWidth(Region.USE_PREF_SIZE);
        secondsLeft.getStyleClass().add("step");
        secondsLeft.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(event -> onCancel.run());

        StackPane camera = new StackPane(preview, guide);
        camera.getStyleClass().add("camera");
        camera.setMinSize(0, 0);
        preview.fitWidthProperty().bind(camera.widthProperty());
        preview.fitHeightProperty().bind(camera.heightProperty());
        VBox.setVgrow(camera, Priority.ALWAYS);
        VBox picture = new VBox(8, camera, advice);
        picture.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(picture, Priority.ALWAYS);
        // The get-ready panel never takes height from the preview: on a small screen it scrolls.
        ScrollPane readyPanel = new ScrollPane(getReady);
        readyPanel.setFitToWidth(true);
        readyPanel.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        readyPanel.getStyleClass().add("screen-content");
        readyPanel.setMinHeight(0);
        readyPanel.visibleProperty().bind(getReady.visibleProperty());
        readyPanel.managedProperty().bind(getReady.visibleProperty());
        readyPanel.setPrefWidth(320);
        readyPanel.setMinWidth(220);
        HBox middle = new HBox(16, picture, readyPanel);
        middle.getStyleClass().add("preview-region");

        HBox.setHgrow(prompt, Priority.ALWAYS);
        actionIcon.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(24, actionIcon, prompt);
        top.getStyleClass().add("prompt-region");
        top.setAlignment(Pos.CENTER_LEFT);
        timeLeft.setPrefWidth(320);
        timeLeft.setMinWidth(60);
        HBox.setHgrow(timeLeft, Priority.SOMETIMES);
        HBox bottom = new HBox(24, step, timeLeft, secondsLeft, cancel);
        bottom.getStyleClass().add("footer");
        bottom.setAlignment(Pos.CENTER);
        setTop(top);
        setCenter(middle);
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
        getReady.setVisible(true);
        faceFit.reset();
        sessionTarget = FaceTarget.STANDARD;
        guide.target(sessionTarget);
        advise(FaceFit.Advice.SHOW_FACE);
    }

    /** Where this session wants the face: the oval moves and resizes to it. */
    void target(FaceTarget wanted) {
        sessionTarget = wanted;
        guide.target(wanted);
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
        getReady.setVisible(update.state() == SessionState.PREPARING);
        // The far/near stage asks for its own sizes in turn; the rest of the session for the kiosk's.
        FaceTarget wanted = update.targetFaceSize().isPresent() ? FaceTarget.sized(update.targetFaceSize().getAsDouble())
                : sessionTarget;
        if (!wanted.equals(guide.target())) {
            guide.target(wanted);
        }
        advise(faceFit.advise(update.facePlacement().map(this::faceBox), guide.target(),
                System.nanoTime() / 1_000_000));
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

    /**
     * The face's box in fractions of the frame: its height follows from the box's own proportions
     * and the picture's.
     */
    private FaceFit.FaceBox faceBox(FacePlacement face) {
        double aspect = guide.pictureAspect();
        return new FaceFit.FaceBox(face.centerX(), face.centerY(), face.width(), face.width() * face.heightOverWidth() * aspect,
                aspect);
    }

    private void advise(FaceFit.Advice now) {
        shownAdvice = now;
        guide.fits(now == FaceFit.Advice.FITS);
        advice.pseudoClassStateChanged(FITS, now == FaceFit.Advice.FITS);
        if (messages != null) {
            advice.setText(messages.text(now.text()));
        }
    }

    void relabel(Messages messages) {
        this.messages = messages;
        cancel.setText(messages.text(UiText.DETECTION_CANCEL));
        getReady.relabel(messages);
        advise(shownAdvice);
        lastPrompt.ifPresent(shown -> prompt.setText(messages.prompt(shown)));
    }
}
