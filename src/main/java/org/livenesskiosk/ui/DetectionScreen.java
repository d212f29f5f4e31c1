package org.livenesskiosk.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import javafx.util.Duration;

/**
 * The detection screen, in regions that cannot overlap: the one instruction in large text with the
 * action's animation at the top ({@link Guidance}); the mirrored live preview with its
 * {@link OvalGuide}, the tick after each action under it, and the get-ready picture beside it (under
 * it on a portrait screen) until the first action; the step dots, the time left (apart from them)
 * and Cancel in the footer. In the light step the screen's background around the preview shows the
 * colours ({@link LightPlayer} times them), while the prompt, the tick and the footer keep the normal
 * background as solid panels, readable on every colour.
 */
final class DetectionScreen extends BorderPane {

    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass NOW = PseudoClass.getPseudoClass("now");
    /** A colour of the light step shows: the text keeps its panels ({@code kiosk.css}). */
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    /** How long the tick and "Good" stay after an action was seen. */
    private static final Duration TICK_SHOWN = Duration.seconds(1.5);

    private final PreviewView preview = new PreviewView();
    private final OvalGuide guide = new OvalGuide(preview);
    private final FaceFit faceFit = new FaceFit();
    private final Guidance guidance = new Guidance();
    private final Label tick = new FlowingLabel();
    private final PauseTransition tickShown = new PauseTransition(TICK_SHOWN);
    private final GetReady getReady = new GetReady();
    private final Label prompt = new FlowingLabel();
    private final ActionIcon actionIcon = new ActionIcon();
    private final HBox steps = new HBox(10);
    private final ProgressBar timeLeft = new ProgressBar(1);
    private final Label secondsLeft = new Label();
    private final Button cancel = new Button();
    private Messages messages;
    private Optional<Prompt> lastInstruction = Optional.empty();
    /** The line last shown, as its key: said again only when it changes. */
    private Optional<String> lastLine = Optional.empty();
    private Optional<FaceFit.Advice> shownDirection = Optional.empty();
    private FaceTarget sessionTarget = FaceTarget.STANDARD;
    /** The step whose time limit the bar shows (0: the preparation), and that limit. */
    private int timedStep = -1;
    private long limitMs;
    /** The light step's colours, one pulse of the display at a time, while they play. */
    private Optional<LightPlayer> light = Optional.empty();
    private final AnimationTimer lightPulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            light.ifPresent(player -> {
                paint(player.pulse(now));
                if (!player.playing()) {
                    stopLight();
                }
            });
        }
    };

    DetectionScreen(Runnable onCancel) {
        getStyleClass().add("screen");
        setId("detection");
        prompt.getStyleClass().add("prompt");
        prompt.setId("prompt");
        prompt.setMaxWidth(Double.MAX_VALUE);
        tick.getStyleClass().add("tick");
        tick.setId("tick");
        tick.setMaxWidth(Double.MAX_VALUE);
        tick.setVisible(false);
        tickShown.setOnFinished(event -> tick.setVisible(false));
        steps.setId("steps");
        steps.setAlignment(Pos.CENTER_LEFT);
        steps.setMinWidth(Region.USE_PREF_SIZE);
        secondsLeft.getStyleClass().add("step");
        secondsLeft.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(event -> {
            stopLight();
            onCancel.run();
        });

        StackPane camera = new StackPane(preview, guide);
        camera.getStyleClass().add("camera");
        camera.setMinSize(0, 0);
        preview.fitWidthProperty().bind(camera.widthProperty());
        preview.fitHeightProperty().bind(camera.heightProperty());
        VBox.setVgrow(camera, Priority.ALWAYS);
        VBox picture = new VBox(8, camera, tick);
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
        // The camera's place is never taller than its picture at full width: on a portrait screen the
        // preview is as wide as the screen, with the tick and the get-ready panel right under it.
        camera.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> camera.getWidth() / guide.pictureAspect(),
                camera.widthProperty(), preview.imageProperty()));
        ChangeListener<Number> orientation = (observed, before, now) -> {
            boolean portrait = getHeight() > getWidth();
            if (portrait && readyPanel.getParent() == middle) {
                picture.getChildren().add(readyPanel);
            } else if (!portrait && readyPanel.getParent() == picture) {
                middle.getChildren().add(readyPanel);
            }
        };
        widthProperty().addListener(orientation);
        heightProperty().addListener(orientation);

        HBox.setHgrow(prompt, Priority.ALWAYS);
        actionIcon.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(24, actionIcon, prompt);
        top.getStyleClass().add("prompt-region");
        top.setAlignment(Pos.CENTER_LEFT);
        timeLeft.setPrefWidth(320);
        timeLeft.setMinWidth(60);
        HBox.setHgrow(timeLeft, Priority.SOMETIMES);
        HBox bottom = new HBox(24, steps, timeLeft, secondsLeft, cancel);
        bottom.getStyleClass().add("footer");
        bottom.setAlignment(Pos.CENTER);
        setTop(top);
        setCenter(middle);
        setBottom(bottom);
    }

    /** A new session: its frames, and nothing shown of the previous one. */
    void begin(PreviewFrames frames) {
        stopLight();
        preview.show(frames);
        lastInstruction = Optional.empty();
        lastLine = Optional.empty();
        shownDirection = Optional.empty();
        timedStep = -1;
        prompt.setText("");
        actionIcon.show(Optional.empty());
        steps.getChildren().clear();
        tickShown.stop();
        tick.setVisible(false);
        timeLeft.setProgress(1);
        secondsLeft.setText("");
        getReady.show(SessionState.PREPARING);
        faceFit.reset();
        guidance.reset();
        sessionTarget = FaceTarget.STANDARD;
        guide.target(sessionTarget);
        guide.fits(false);
    }

    /** Where this session wants the face: the oval moves and resizes to it. */
    void target(FaceTarget wanted) {
        sessionTarget = wanted;
        guide.target(wanted);
    }

    void end() {
        stopLight();
        preview.stop();
        actionIcon.show(Optional.empty());
    }

    /** The light step: plays its colours from the next pulse of the display on. */
    void showLight(LightPlayer player) {
        stopLight();
        light = Optional.of(player);
        lightPulses.start();
    }

    /** The light step is over, played out or cut short by the session's end: the normal look again. */
    private void stopLight() {
        lightPulses.stop();
        light.ifPresent(LightPlayer::stop);
        light = Optional.empty();
        paint(OptionalInt.empty());
    }

    /** The background around the preview in a colour (0xRRGGBB) of the light step, at full brightness, or the normal look. */
    void paint(OptionalInt colour) {
        String style = colour.isPresent() ? String.format(Locale.ROOT, "-fx-background-color: #%06x;", colour.getAsInt()) : "";
        // Asked at every pulse: the scene's styles are worked out again only when the colour changes.
        if (!style.equals(getStyle())) {
            setStyle(style);
            pseudoClassStateChanged(LIT, colour.isPresent());
        }
    }

    /**
     * Shows the session's latest state.
     *
     * @return the shown line's key when it is a new line, to be said (the oval's direction, or the session's prompt)
     */
    Optional<String> show(SessionUpdate update) {
        getReady.show(update.state());
        // The far/near stage asks for its own sizes in turn; the rest of the session for the kiosk's.
        FaceTarget wanted = update.targetFaceSize().isPresent() ? FaceTarget.sized(update.targetFaceSize().getAsDouble())
                : sessionTarget;
        if (!wanted.equals(guide.target())) {
            guide.target(wanted);
        }
        FaceFit.Advice advice = faceFit.advise(update.facePlacement(), update.zone(), System.nanoTime() / 1_000_000);
        Guidance.Moment moment = guidance.next(update, advice);
        guide.fits(moment.ovalGreen());
        actionIcon.show(update.state() == SessionState.ACTING ? update.action() : Optional.empty());
        showDots(moment.dots());
        if (moment.actionDone()) {
            // Shown afresh even while the last action's tick still shows: each action gets its own.
            tick.setVisible(false);
            tick.setVisible(true);
            tickShown.playFromStart();
        }
        if (update.step() != timedStep) {
            timedStep = update.step();
            limitMs = update.remainingMs();
        }
        timeLeft.setProgress(limitMs == 0 ? 0 : (double) update.remainingMs() / limitMs);
        secondsLeft.setText(messages.text(UiText.DETECTION_REMAINING, (update.remainingMs() + 999) / 1000));
        shownDirection = moment.direction();
        if (moment.instruction().isEmpty()) {
            return Optional.empty();
        }
        lastInstruction = moment.instruction();
        relabelInstruction(moment.instruction().get());
        Optional<String> line = Optional.of(line(moment.instruction().get()));
        if (line.equals(lastLine)) {
            return Optional.empty();
        }
        lastLine = line;
        return line;
    }

    private void showDots(List<Guidance.Dot> dots) {
        while (steps.getChildren().size() < dots.size()) {
            Label dot = new Label();
            dot.getStyleClass().add("step-dot");
            steps.getChildren().add(dot);
        }
        steps.getChildren().remove(dots.size(), steps.getChildren().size());
        for (int at = 0; at < dots.size(); at++) {
            Guidance.Dot shown = dots.get(at);
            Node dot = steps.getChildren().get(at);
            ((Label) dot).setText(shown == Guidance.Dot.DONE ? "✓" : shown == Guidance.Dot.NOW ? "●" : "○");
            dot.pseudoClassStateChanged(DONE, shown == Guidance.Dot.DONE);
            dot.pseudoClassStateChanged(NOW, shown == Guidance.Dot.NOW);
        }
    }

    /** The one instruction: the oval's direction where it says exactly where to move, else the session's words. */
    private void relabelInstruction(Prompt instruction) {
        prompt.setText(messages.text(line(instruction)));
    }

    /** The key of the one instruction's words: what is shown is what is said. */
    private String line(Prompt instruction) {
        return shownDirection.map(direction -> words(direction).key()).orElseGet(instruction::key);
    }

    private static UiText words(FaceFit.Advice direction) {
        return switch (direction) {
            case MOVE_CLOSER -> UiText.GUIDE_MOVE_CLOSER;
            case MOVE_BACK -> UiText.GUIDE_MOVE_BACK;
            case MOVE_LEFT -> UiText.GUIDE_MOVE_LEFT;
            case MOVE_RIGHT -> UiText.GUIDE_MOVE_RIGHT;
            case MOVE_UP -> UiText.GUIDE_MOVE_UP;
            case MOVE_DOWN -> UiText.GUIDE_MOVE_DOWN;
            case FITS, SHOW_FACE -> throw new IllegalArgumentException(direction + " is not a direction");
        };
    }

    void relabel(Messages messages) {
        this.messages = messages;
        cancel.setText(messages.text(UiText.DETECTION_CANCEL));
        getReady.relabel(messages);
        tick.setText("✓ " + messages.text(UiText.DETECTION_GOOD));
        lastInstruction.ifPresent(this::relabelInstruction);
    }
}
