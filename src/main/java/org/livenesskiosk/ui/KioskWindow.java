package org.livenesskiosk.ui;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.SessionUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The kiosk's window: the customer's screens in their order ({@link KioskScreen}), the language,
 * the voice, the customer's switches (larger text, high contrast, sound), the operator console behind its PIN (Ctrl+Alt+O,
 * or a long press on the top-left corner: {@link CornerPress}), and the kiosk behaviour
 * (full screen, no way out without the PIN, the cursor hidden when idle).
 *
 * <p>Longer than most classes because it is the one place that switches between the screens and
 * overlays and owns the window's kiosk behaviour; each screen's own layout lives in its class.
 */
public final class KioskWindow {

    private static final Logger LOG = LoggerFactory.getLogger(KioskWindow.class);

    /** Opens the operator console. */
    public static final KeyCombination CONSOLE_KEYS = KeyCombination.keyCombination("Shortcut+Alt+O");
    private static final Duration CURSOR_IDLE = Duration.seconds(3);
    /** AtlantaFX's Primer Light: every control styled; {@code kiosk.css} adds the kiosk's own sizes and colours. */
    private static final String THEME = "/atlantafx/base/theme/primer-light.css";
    private static final String HIGH_CONTRAST = "high-contrast";
    private static final String LARGER_TEXT = "larger-text";

    private final Stage stage;
    private final KioskBackend backend;
    private final boolean kioskMode;
    private final Runnable onLeave;
    private final Language systemLanguage;
    private final VoicePrompts voice = new VoicePrompts();

    private final WelcomeScreen welcome = new WelcomeScreen(this::setLanguage, this::start, this::nextCustomer);
    private final DetectionScreen detection = new DetectionScreen(this::cancel);
    private final VerifyingScreen verifying = new VerifyingScreen();
    private final ResultScreen result = new ResultScreen(this::retry, this::nextCustomer, this::askForResultDetails);
    private final ResultDetails resultDetails = new ResultDetails(this::closeOverlay);
    private final PinPrompt pinPrompt;
    private final OperatorConsole console;
    private final BorderPane screenHolder = new BorderPane();
    private final StackPane overlay = new StackPane();
    private final ToggleButton sound = new ToggleButton();
    /** The customer's own look, on every screen: it starts as the operator set it and is reset for the next customer. */
    private final ToggleButton largerText = new ToggleButton();
    private final ToggleButton highContrast = new ToggleButton();
    private final PauseTransition cursorIdle = new PauseTransition(CURSOR_IDLE);
    /** The console's way in on a touch-only kiosk: a long press on the top-left corner, then the PIN. */
    private final CornerPress cornerPress = new CornerPress();
    private final AtomicReference<SessionUpdate> latestUpdate = new AtomicReference<>();
    private final AnimationTimer updates;

    private KioskSettings settings;
    /** Which screen, which language, which session: the rules the window follows. */
    private final KioskFlow flow;
    private Messages messages;
    private SessionRequest lastRequest;
    private Optional<KioskBackend.RunningSession> running = Optional.empty();
    private boolean leaving;
    /** The current session's frames, and when it started until its first frame is drawn: how fast the camera shows. */
    private PreviewFrames previewFrames = new PreviewFrames();
    private long startedNanos;

    /**
     * @param kioskMode full screen and undecorated, closed only through the console; otherwise an ordinary window
     * @param onLeave   told once the window closed: the operator left kiosk mode, or the window was closed
     */
    public KioskWindow(Stage stage, KioskBackend backend, boolean kioskMode, Runnable onLeave) {
        this.stage = stage;
        this.backend = backend;
        this.kioskMode = kioskMode;
        this.onLeave = onLeave;
        this.systemLanguage = Language.of(Locale.getDefault());
        this.settings = backend.settings();
        this.flow = new KioskFlow(systemLanguage, settings.languages(), settings.idleSeconds(), settings.retries());
        this.console = new OperatorConsole(backend, this::applied, this::closeOverlay, this::leave);
        this.pinPrompt = new PinPrompt(this::closeOverlay, backend::keepPinLock);
        updates = new AnimationTimer() {
            @Override
            public void handle(long now) {
                showLatestUpdate();
                if (cornerPress.held(now / 1_000_000)) {
                    askPin(KioskWindow.this::openConsole);
                }
                if (flow.screen() == KioskScreen.RESULT) {
                    result.countdown((flow.idleLeftMs(now / 1_000_000) + 999) / 1000);
                }
                if (flow.idleExpired(now / 1_000_000)) {
                    nextCustomer();
                }
            }
        };
    }

    /** Builds the scene and shows the welcome screen. Call once, on the UI thread. */
    public void show() {
        sound.setId("sound");
        sound.getStyleClass().add("sound");
        sound.selectedProperty().addListener((observed, before, on) -> {
            voice.mute(!on);
            relabelSound();
        });
        // The regions cannot overlap: the top bar holds the switches, the screen has the rest.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        largerText.setId("largerText");
        highContrast.setId("highContrast");
        for (ToggleButton look : List.of(largerText, highContrast)) {
            look.selectedProperty().addListener((observed, before, on) -> applyLook());
        }
        HBox topBar = new HBox(16, spacer, largerText, highContrast, sound);
        topBar.getStyleClass().add("top-bar");
        topBar.setAlignment(Pos.CENTER_RIGHT);
        screenHolder.setTop(topBar);
        screenHolder.setMinSize(0, 0);
        overlay.getStyleClass().add("dim");
        overlay.setVisible(false);
        StackPane root = new StackPane(screenHolder, overlay);
        root.getStyleClass().add("kiosk");
        Scene scene = new Scene(root, 1280, 800);
        Application.setUserAgentStylesheet(KioskWindow.class.getResource(THEME).toExternalForm());
        scene.getStylesheets().add(KioskWindow.class.getResource("/ui/kiosk.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (CONSOLE_KEYS.match(event)) {
                event.consume();
                askPin(this::openConsole);
            }
        });
        // Watched, never consumed: the customer's own touches in the corner still work as ever.
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> cornerPress.pressed(event.getSceneX(), event.getSceneY(), nowMs()));
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> cornerPress.dragged(event.getSceneX(), event.getSceneY()));
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> cornerPress.released());
        scene.addEventFilter(KeyEvent.ANY, this::activity);
        scene.addEventFilter(MouseEvent.ANY, this::activity);
        stage.setScene(scene);
        stage.setTitle("Liveness Kiosk");
        if (kioskMode) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
            stage.setOnCloseRequest(event -> {
                if (!leaving) {
                    event.consume();
                }
            });
            cursorIdle.setOnFinished(event -> scene.setCursor(Cursor.NONE));
            cursorIdle.play();
        }
        nextCustomer();
        backend.pinLock().thenAccept(kept -> Platform.runLater(() -> pinPrompt.restore(kept)));
        stage.setOnHidden(event -> closed());
        updates.start();
        stage.show();
        LOG.info("Window shown {} ms after the process started", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Any key or touch: the customer (or operator) is still there. */
    private void activity(Event event) {
        flow.activity(nowMs());
        if (kioskMode && event.getEventType() == MouseEvent.MOUSE_MOVED) {
            stage.getScene().setCursor(Cursor.DEFAULT);
            cursorIdle.playFromStart();
        }
    }

    private void applied(KioskSettings newSettings) {
        settings = newSettings;
        highContrast.setSelected(newSettings.highContrast());
        largerText.setSelected(newSettings.largerText());
        applyLook();
        flow.offer(newSettings.languages(), newSettings.idleSeconds(), newSettings.retries());
        welcome.offer(flow.offered(), flow.language());
        welcome.bank(newSettings);
        setLanguage(flow.language());
        // Asked again for each customer: the service may have said since, or changed its retention.
        backend.dataKept().thenAccept(kept -> Platform.runLater(() -> welcome.dataKept(kept)));
    }

    /** The looks a customer (or the operator, for every customer) switches on, as style classes of the window's root. */
    private void applyLook() {
        if (screenHolder.getParent() != null) {
            List<String> classes = screenHolder.getParent().getStyleClass();
            classes.removeAll(List.of(HIGH_CONTRAST, LARGER_TEXT));
            if (highContrast.isSelected()) {
                classes.add(HIGH_CONTRAST);
            }
            if (largerText.isSelected()) {
                classes.add(LARGER_TEXT);
            }
        }
    }

    private void setLanguage(Language chosen) {
        flow.choose(chosen);
        messages = Messages.of(chosen);
        if (screenHolder.getScene() != null) {
            screenHolder.getScene().getRoot().setStyle(Fonts.style(chosen));
        }
        welcome.relabel(messages);
        detection.relabel(messages);
        verifying.relabel(messages);
        result.relabel(messages);
        resultDetails.relabel(messages);
        pinPrompt.relabel(messages);
        console.relabel(messages);
        largerText.setText(messages.text(UiText.LOOK_LARGER_TEXT));
        highContrast.setText(messages.text(UiText.LOOK_HIGH_CONTRAST));
        relabelSound();
    }

    private void relabelSound() {
        if (messages != null) {
            sound.setText(messages.text(sound.isSelected() ? UiText.SOUND_ON : UiText.SOUND_OFF));
        }
    }

    /** Shows the screen the flow is on. */
    private void showScreen() {
        Node content = switch (flow.screen()) {
            case WELCOME -> welcome;
            case DETECTION -> detection;
            case VERIFYING -> verifying;
            case RESULT -> result;
        };
        screenHolder.setCenter(content);
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    private void start(SessionRequest request) {
        setLanguage(request.language());
        begin(request);
    }

    private void begin(SessionRequest request) {
        lastRequest = request;
        int number = flow.start();
        PreviewFrames frames = new PreviewFrames();
        previewFrames = frames;
        startedNanos = System.nanoTime();
        latestUpdate.set(null);
        detection.begin(frames);
        showScreen();
        running = Optional.of(backend.start(request, new SessionListener() {
            @Override
            public PreviewFrames preview() {
                return frames;
            }

            @Override
            public void target(FaceTarget target) {
                Platform.runLater(() -> {
                    if (flow.current(number)) {
                        detection.target(target);
                    }
                });
            }

            @Override
            public void update(SessionUpdate update) {
                latestUpdate.set(update);
            }

            @Override
            public void showLight(LightSequence sequence, LongUnaryOperator sessionMs, Consumer<List<LightSequence.Shown>> shown) {
                Platform.runLater(() -> {
                    if (flow.current(number) && flow.screen() == KioskScreen.DETECTION) {
                        detection.showLight(new LightPlayer(sequence, sessionMs, shown));
                    } else {
                        // Cancelled in the meantime: nothing shows, and nothing keeps the session waiting.
                        shown.accept(List.of());
                    }
                });
            }

            @Override
            public void verifying() {
                Platform.runLater(() -> {
                    if (flow.verifying(number)) {
                        detection.end();
                        showScreen();
                    }
                });
            }

            @Override
            public void finished(KioskOutcome outcome) {
                Platform.runLater(() -> flow.finished(number, nowMs(), outcome).ifPresent(told -> finish(outcome, told)));
            }
        }));
    }

    private void showLatestUpdate() {
        if (startedNanos > 0 && previewFrames.drawnFrames() > 0) {
            LOG.info("First frame of the session drawn {} ms after Start, {} ms after the process started",
                    (System.nanoTime() - startedNanos) / 1_000_000, ManagementFactory.getRuntimeMXBean().getUptime());
            startedNanos = 0;
        }
        SessionUpdate update = latestUpdate.getAndSet(null);
        if (update != null && flow.screen() == KioskScreen.DETECTION) {
            detection.show(update).ifPresent(line -> voice.say(flow.language(), List.of(line)));
        }
    }

    private void finish(KioskOutcome outcome, CustomerResult told) {
        running = Optional.empty();
        detection.end();
        result.show(outcome, told);
        voice.say(flow.language(), Spoken.result(told));
        showScreen();
    }

    private void cancel() {
        running.ifPresent(KioskBackend.RunningSession::cancel);
    }

    private void retry() {
        result.clear();
        begin(lastRequest);
    }

    /** Back to the welcome screen, with nothing of the last customer left: their image, id, reference, language. */
    private void nextCustomer() {
        flow.nextCustomer();
        applied(settings);
        result.clear();
        welcome.clear();
        sound.setSelected(settings.voice());
        voice.mute(!settings.voice());
        showScreen();
    }

    /** Asks for the operator PIN, then opens what the operator asked for. */
    private void askPin(Runnable thenOpen) {
        if (overlay.isVisible()) {
            return;
        }
        overlay.getChildren().setAll(pinPrompt);
        overlay.setVisible(true);
        flow.overlay(true, nowMs());
        pinPrompt.ask(settings.pinHash(), this::pinChosen, thenOpen);
    }

    /** "For staff" on the result screen: the session's code, details and face photo, after the PIN. */
    private void askForResultDetails() {
        askPin(() -> {
            resultDetails.show(result.outcome());
            overlay.getChildren().setAll(resultDetails);
        });
    }

    private void pinChosen(String hash) {
        KioskSettings withPin = settings.withPinHash(hash);
        backend.save(withPin).thenRun(() -> Platform.runLater(() -> settings = withPin));
        settings = withPin;
    }

    private void openConsole() {
        console.open(settings);
        overlay.getChildren().setAll(console);
    }

    private void closeOverlay() {
        resultDetails.clear();
        overlay.getChildren().clear();
        overlay.setVisible(false);
        flow.overlay(false, nowMs());
    }

    private void leave() {
        leaving = true;
        stage.close();
    }

    /**
     * However the window went (the console's "leave", the window manager's close button in a
     * window, a test): the session is cancelled and the timers stop — a running timer is held by
     * JavaFX's pulse and would keep the whole window, its screens and images, for the life of the
     * process — and whoever opened the window is told.
     */
    private void closed() {
        cancel();
        updates.stop();
        cursorIdle.stop();
        voice.close();
        onLeave.run();
    }

    /** The screen shown now: for tests and screenshots. */
    KioskScreen screen() {
        return flow.screen();
    }

    Language language() {
        return flow.language();
    }

    VoicePrompts voice() {
        return voice;
    }
}
