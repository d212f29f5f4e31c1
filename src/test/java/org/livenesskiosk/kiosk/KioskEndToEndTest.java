package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskWindow;
import org.livenesskiosk.ui.Language;
import org.livenesskiosk.ui.Messages;
import org.livenesskiosk.ui.UiText;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The whole kiosk as a customer uses it: its window, a recorded clip as the camera, the vision
 * pipeline, the session, and a liveness service over a real socket that confirms the result.
 */
class KioskEndToEndTest {

    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    private static final PseudoClass FITS = PseudoClass.getPseudoClass("fits");

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private LivenessServer server;
    private Kiosk kiosk;
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    /** Each instruction shown, with whether the oval was green and how many instructions were on screen with it. */
    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final AtomicInteger ticks = new AtomicInteger();

    private record Shown(String instruction, boolean ovalGreen, int instructionsOnScreen) {
    }

    @BeforeEach
    void startService() throws Exception {
        Display.required();
        server = ClipKiosk.service(folder.resolve("service"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLiveCustomerFollowsOneInstructionAtATimeWithTheOvalGreenForEachActionAndGetsALivenessIdTheServiceConfirms() throws Exception {
        open(SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString(), 10);
        startAs("Customer 0042");

        // The session (about 10 s of clip) and the service's check of it (within its 30 s deadline).
        OnScreen.waitUntil(Duration.ofSeconds(60), () -> !screen.text("#livenessId").isEmpty());
        // Shown in groups of four, so that it wraps and can be read out.
        String livenessId = screen.text("#livenessId").replace(" ", "");

        List<String> asked = prompts.stream().filter(prompt -> prompt.equals(ENGLISH.prompt(Prompt.OPEN_MOUTH))
                || prompt.equals(ENGLISH.prompt(Prompt.BLINK))).toList();
        assertEquals(List.of(ENGLISH.prompt(Prompt.OPEN_MOUTH), ENGLISH.prompt(Prompt.BLINK)), asked, "prompts seen: " + prompts);
        for (Shown moment : shown) {
            assertTrue(moment.instructionsOnScreen() <= 1, "two instructions on screen together: " + moment);
            if (asked.contains(moment.instruction())) {
                assertTrue(moment.ovalGreen(), "an action was asked while the oval was not green: " + shown);
            }
        }
        assertEquals(2, ticks.get(), "a tick after each of the two actions");
        assertTrue(screen.shown("#qrCode"));
        assertFalse(screen.shown("#bestImage"), "the face photo is the operator's only");

        LivenessClient client = new LivenessClient(serviceUrl(), Duration.ofSeconds(10));
        String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        LivenessClient.Result confirmed = client.result(token, "livenessId", livenessId);
        assertEquals(livenessId, confirmed.livenessId());
        assertTrue(confirmed.livenessScore() >= 50, "score " + confirmed.livenessScore());

        HistoryEntry latest = kiosk.history().get(10, TimeUnit.SECONDS).get(0);
        assertEquals(Optional.of("Customer 0042"), latest.customerReference());
        assertEquals(Optional.of(livenessId), latest.livenessId());
        assertEquals(HistoryEntry.UploadState.SENT, latest.upload());
    }

    @Test
    void aClipWithNoFaceEndsWithATipAndARetryForTheCustomerAndItsCodeForTheOperator() throws Exception {
        open(SharedData.video("opencv_vtest_pedestrians_noface_20s.avi").toString(), 4);
        startAs("");

        OnScreen.waitUntil(Duration.ofSeconds(30), () -> screen.shown("#resultTitle"));
        assertEquals(ENGLISH.prompt(Prompt.LOOK_AT_CAMERA), screen.text("#tip"));
        assertFalse(screen.shown("#code"), "no code for the customer");
        assertTrue(screen.shown("#retry"));
        assertEquals("FACE_MISSING", kiosk.history().get(10, TimeUnit.SECONDS).get(0).code());
        assertTrue(prompts.contains(ENGLISH.prompt(Prompt.LOOK_AT_CAMERA)), "prompts seen: " + prompts);
    }

    @Test
    void noCameraSendsTheCustomerToStaffWithoutARetryAndKeepsItsCodeForTheOperator() throws Exception {
        open("camera:7", 10);
        startAs("");

        OnScreen.waitUntil(Duration.ofSeconds(30), () -> screen.shown("#resultTitle"));
        assertEquals(ENGLISH.text(UiText.RESULT_KIOSK_UNAVAILABLE), screen.text("#resultTitle"));
        assertEquals(ENGLISH.text(UiText.RESULT_ASK_STAFF), screen.text("#resultMessage"));
        assertFalse(screen.shown("#retry"));
        assertFalse(screen.shown("#livenessId"));
        assertEquals("DEVICE_NOT_SUPPORT", kiosk.history().get(10, TimeUnit.SECONDS).get(0).code());
    }

    @Test
    void theConsoleShowsTheChosenCameraOrWhyItCannot() throws Exception {
        String clip = SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString();
        open(clip, 10);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT, KeyCode.CONTROL);
        robot.clickOn("#pin").write("8642").type(KeyCode.ENTER);
        OnScreen.waitUntil(Duration.ofSeconds(10), () -> screen.shown("#console"));

        robot.doubleClickOn("#camera").eraseText(20).write("camera:7");
        robot.clickOn("#showCamera");
        OnScreen.waitUntil(Duration.ofSeconds(10), () -> !screen.text("#cameraProblem").isEmpty());

        robot.interact(() -> robot.lookup("#camera").<ComboBox<String>>query().setValue(clip));
        robot.clickOn("#showCamera");
        OnScreen.waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#cameraView").queryAs(ImageView.class).getImage() != null);
        assertEquals("", screen.text("#cameraProblem"));
    }

    /** How many shown labels say something the customer should do: a prompt or one of the oval's directions. */
    private static int instructionsOnScreen(Parent root) {
        Set<String> instructions = new HashSet<>();
        for (Prompt prompt : Prompt.values()) {
            instructions.add(ENGLISH.prompt(prompt));
        }
        for (UiText direction : List.of(UiText.GUIDE_MOVE_CLOSER, UiText.GUIDE_MOVE_BACK, UiText.GUIDE_MOVE_LEFT,
                UiText.GUIDE_MOVE_RIGHT, UiText.GUIDE_MOVE_UP, UiText.GUIDE_MOVE_DOWN)) {
            instructions.add(ENGLISH.text(direction));
        }
        return (int) root.lookupAll(".label").stream().filter(Node::isVisible).map(Labeled.class::cast)
                .filter(label -> instructions.contains(label.getText())).count();
    }

    private void open(String source, int prepareSeconds) throws Exception {
        kiosk = ClipKiosk.open(folder, ClipKiosk.enrolling(server, prepareSeconds, false), source);
        kiosk.prepare();
        Stage stage = Display.newWindow();
        FxToolkit.setupFixture(() -> new KioskWindow(stage, kiosk, false, () -> { }).show());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String serviceUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    private void startAs(String customerReference) {
        robot.clickOn("#agree");
        if (!customerReference.isEmpty()) {
            robot.clickOn("#customerReference").write(customerReference);
        }
        robot.clickOn("#start");
        // A session that cannot start (no camera) may already be over: then there are no prompts to follow.
        robot.interact(() -> robot.lookup("#prompt").tryQuery().map(Labeled.class::cast).ifPresent(prompt -> {
            Node oval = robot.lookup("#oval").query();
            prompt.textProperty().addListener((observed, before, now) -> {
                prompts.add(now);
                shown.add(new Shown(now, oval.getPseudoClassStates().contains(FITS), instructionsOnScreen(prompt.getScene().getRoot())));
            });
            prompts.add(prompt.getText());
            robot.lookup("#tick").query().visibleProperty().addListener((observed, before, now) -> ticks.addAndGet(now ? 1 : 0));
        }));
    }

}
