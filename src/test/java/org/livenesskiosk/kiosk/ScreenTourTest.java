package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.livenesskiosk.testdata.Screenshots;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.ui.FaceTarget;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.KioskWindow;
import org.livenesskiosk.ui.Language;
import org.livenesskiosk.ui.Messages;
import org.livenesskiosk.ui.OperatorPin;
import org.livenesskiosk.ui.PendingUpload;
import org.livenesskiosk.ui.PinLock;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.ui.SessionListener;
import org.livenesskiosk.ui.SessionRequest;
import org.livenesskiosk.ui.UiText;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * Every screen in every language, with the real kiosk behind it and a recorded clip as camera:
 * each is checked for its language's text and font, and saved as a PNG in {@code target/screenshots}
 * for a person to look at. With {@code -Dscreenshots=DIR} ({@code bin/screenshots}) at each of the
 * four sizes kiosks come in, else at 1280×800 only. Operated with the keyboard and the controls'
 * own actions, never the mouse, so that a window larger than the display is photographed whole.
 */
class ScreenTourTest {

    private static final String PIN = "1357";
    private static final Path SHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));
    private static final List<int[]> SIZES = System.getProperty("screenshots") == null ? List.of(new int[] {1280, 800})
            : List.of(new int[] {1280, 800}, new int[] {1920, 1080}, new int[] {1080, 1920}, new int[] {1024, 768});

    @TempDir
    Path folder;

    private Kiosk kiosk;
    private HeldResults held;
    private Stage stage;
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);

    /**
     * A kiosk of its own for each language: the tour plays the same clip every time, and its
     * service rightly takes a recording it has seen before for a replay.
     */
    @BeforeEach
    void openKiosk() throws Exception {
        Display.required();
        String clip = SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString();
        KioskSettings settings = ClipKiosk.settings("", 10, false).withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(120);
        kiosk = ClipKiosk.open(folder, settings, clip);
        kiosk.prepare();
        held = new HeldResults(kiosk);
        Files.createDirectories(SHOTS);
        stage = Display.newWindow();
        FxToolkit.setupFixture(() -> new KioskWindow(stage, held, false, () -> { }).show());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Stream<Arguments> everySizeAndLanguage() {
        return SIZES.stream().flatMap(size -> Stream.of(Language.values()).map(language -> Arguments.of(size[0], size[1], language)));
    }

    @AfterEach
    void closeKiosk() throws Exception {
        if (kiosk != null) {
            FxToolkit.cleanupStages();
            kiosk.close();
        }
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @MethodSource("everySizeAndLanguage")
    void everyScreenInEveryLanguage(int width, int height, Language language) throws Exception {
        Messages messages = Messages.of(language);
        String name = language.locale().getLanguage() + "-" + width + "x" + height;
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });

        fire("#language-" + language.locale().getLanguage());
        OnScreen.waitUntil(WAIT, () -> screen.text("#start").equals(messages.text(UiText.WELCOME_START)));
        assertEquals(fontOf(language), robot.lookup("#start").queryLabeled().getFont().getFamily());
        shoot(name + "-1-welcome");

        fire("#agree");
        robot.interact(() -> robot.lookup("#customerReference").queryAs(TextField.class).setText("A-1024"));
        held.hold();
        fire("#start");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#getReady"));
        shoot(name + "-2-get-ready");
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(messages.prompt(Prompt.OPEN_MOUTH)));
        shoot(name + "-3-detection");

        OnScreen.waitUntil(WAIT, () -> screen.shown("#verifying"));
        assertEquals(messages.text(UiText.VERIFYING_TITLE), screen.text("#verifying"));
        shoot(name + "-4-verifying");
        held.release();

        OnScreen.waitUntil(WAIT, () -> !screen.text("#livenessId").isEmpty());
        assertEquals(messages.text(UiText.RESULT_SUCCESS_TITLE), screen.text("#resultTitle"));
        shoot(name + "-5-result-passed");

        fire("#finish");
        fire("#language-" + language.locale().getLanguage());
        fire("#agree");
        fire("#start");
        fire("#cancel");
        OnScreen.waitUntil(WAIT, () -> screen.text("#resultTitle").equals(messages.text(UiText.RESULT_STOPPED)));
        assertFalse(screen.shown("#code"), "no code for the customer");
        shoot(name + "-6-result-stopped");

        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT, KeyCode.CONTROL);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        shoot(name + "-7-pin");
        robot.interact(() -> robot.lookup("#pin").queryAs(TextField.class).setText(PIN));
        fire("#pinOk");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        shoot(name + "-8-console");
        robot.interact(() -> robot.lookup("#console .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        OnScreen.waitUntil(WAIT, () -> !robot.lookup("#history").queryTableView().getItems().isEmpty());
        HistoryEntry latest = (HistoryEntry) robot.lookup("#history").queryTableView().getItems().get(0);
        assertEquals("USER_GIVE_UP", latest.code());
        shoot(name + "-9-history");
        fire("#consoleClose");
        fire("#finish");
        assertFalse(screen.shown("#console"));
    }

    private void fire(String query) {
        robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    }

    private static String fontOf(Language language) {
        return switch (language) {
            case CHINESE -> "Noto Sans CJK SC";
            case HINDI -> "Noto Sans Devanagari";
            case THAI -> "Noto Sans Thai";
            default -> "Noto Sans";
        };
    }

    private void shoot(String name) throws Exception {
        Screenshots.save(robot.window(0).getScene(), SHOTS.resolve(name + ".png"));
    }

    /**
     * The real kiosk, except that a session's result waits, when asked, until the tour has
     * photographed the verifying screen (on a fast machine it shows for a few milliseconds).
     */
    private static final class HeldResults implements KioskBackend {
        private final Kiosk kiosk;
        private volatile CountDownLatch gate = new CountDownLatch(0);

        HeldResults(Kiosk kiosk) {
            this.kiosk = kiosk;
        }

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public RunningSession start(SessionRequest request, SessionListener listener) {
            CountDownLatch sessionGate = gate;
            return kiosk.start(request, new SessionListener() {
                @Override
                public PreviewFrames preview() {
                    return listener.preview();
                }

                @Override
                public void target(FaceTarget target) {
                    listener.target(target);
                }

                @Override
                public void update(SessionUpdate update) {
                    listener.update(update);
                }

                @Override
                public void verifying() {
                    listener.verifying();
                }

                @Override
                public void finished(KioskOutcome outcome) {
                    CompletableFuture.runAsync(() -> {
                        try {
                            sessionGate.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        listener.finished(outcome);
                    });
                }
            });
        }

        @Override
        public KioskSettings settings() {
            return kiosk.settings();
        }

        @Override
        public CompletableFuture<Void> save(KioskSettings settings) {
            return kiosk.save(settings);
        }

        @Override
        public CompletableFuture<List<HistoryEntry>> history() {
            return kiosk.history();
        }

        @Override
        public CompletableFuture<List<HistoryEntry>> reviewedHistory() {
            return kiosk.reviewedHistory();
        }

        @Override
        public CompletableFuture<List<PendingUpload>> pendingUploads() {
            return kiosk.pendingUploads();
        }

        @Override
        public CompletableFuture<Void> sendPendingUploads() {
            return kiosk.sendPendingUploads();
        }

        @Override
        public CompletableFuture<Authorization> authorization() {
            return kiosk.authorization();
        }

        @Override
        public CompletableFuture<Optional<DataKept>> dataKept() {
            return kiosk.dataKept();
        }

        @Override
        public CompletableFuture<PinLock> pinLock() {
            return kiosk.pinLock();
        }

        @Override
        public CompletableFuture<Void> keepPinLock(PinLock lock) {
            return kiosk.keepPinLock(lock);
        }

        @Override
        public CameraPreview showCamera(String source, PreviewFrames frames, Consumer<String> failed) {
            return kiosk.showCamera(source, frames, failed);
        }

        @Override
        public CameraPreview checkIdPhoto(String source, PreviewFrames frames, IdPhotoListener listener) {
            return kiosk.checkIdPhoto(source, frames, listener);
        }

        @Override
        public CompletableFuture<List<String>> cameras() {
            return kiosk.cameras();
        }

        @Override
        public String version() {
            return kiosk.version();
        }
    }
}
