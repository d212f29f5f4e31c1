package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritablePixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.stage.Stage;

/**
 * The screens against a scripted kiosk behind them: what the customer and the operator see and
 * hear for each step of a session. The real kiosk behind the screens is KioskEndToEndTest's.
 */
class KioskWindowTest {

    private static final String PIN = "2468";

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    /** A livenessId as the service makes them: 48 hex characters. */
    private static final String LIVENESS_ID = "7f3c2a9e4b1d4e8a9c550d2b6f1e8a47c0ffee1234567890";

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private KioskWindow window;
    private Stage stage;
    private final AtomicBoolean left = new AtomicBoolean();

    @BeforeEach
    void open() throws Exception {
        Display.required();
        show(KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(1));
    }

    private void show(KioskSettings settings) throws Exception {
        stage = Display.newWindow();
        FxToolkit.cleanupStages();
        backend.settings = settings;
        FxToolkit.setupFixture(() -> {
            window = new KioskWindow(stage, backend, false, () -> left.set(true));
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void startIsOnlyPossibleAfterConsent() {
        assertTrue(robot.lookup("#start").queryButton().isDisabled());
        robot.clickOn("#agree");
        assertFalse(robot.lookup("#start").queryButton().isDisabled());
    }

    @Test
    void noThanksStartsNoSessionAndForgetsEverythingTheCustomerEntered() {
        robot.clickOn("#agree");
        robot.clickOn("#customerReference").write("Kiosk user 9");
        robot.clickOn("#noThanks");
        assertEquals(0, backend.starts, "no session: the camera never opened");
        assertEquals("", screen.text("#customerReference"));
        assertTrue(robot.lookup("#start").queryButton().isDisabled(), "the agreement is not kept for the next person");
    }

    /**
     * The consent names the operator's bank, shows its notice as a QR code a phone reads and a short
     * link, and states the service's numbers: when the service's retention changes, the next
     * customer reads the new one.
     */
    @Test
    void theConsentNamesTheBankLinksItsNoticeAndStatesTheServicesNumbers() throws Exception {
        show(backend.settings.withNotice("Example Bank", "https://bank.example/privacy"));
        OnScreen.waitUntil(WAIT, () -> screen.text("#consentKept").contains("180 days"));
        assertTrue(screen.text("#consentKept").contains("30 days"), screen.text("#consentKept"));
        assertTrue(screen.text("#consent").contains("Example Bank"), screen.text("#consent"));
        assertTrue(screen.text("#consentNotice").contains("bank.example/privacy"), screen.text("#consentNotice"));
        assertTrue(screen.shown("#noticeCode"));
        assertEquals("https://bank.example/privacy", decoded(robot.lookup("#noticeCode").queryAs(ImageView.class).getImage()));

        backend.dataKept = Optional.of(new KioskBackend.DataKept(OptionalInt.of(45), 30));
        robot.clickOn("#noThanks");
        OnScreen.waitUntil(WAIT, () -> screen.text("#consentKept").contains("45 days"));
        assertFalse(screen.text("#consentKept").contains("180"), screen.text("#consentKept"));
    }

    /** What a phone's camera reads in a QR code. */
    private static String decoded(Image code) throws Exception {
        int width = (int) code.getWidth();
        int height = (int) code.getHeight();
        int[] pixels = new int[width * height];
        code.getPixelReader().getPixels(0, 0, width, height, WritablePixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))))
                .getText();
    }

    @Test
    void aCustomerMaySwitchOnLargerTextAndHighContrastForThemselvesOnly() throws Exception {
        robot.clickOn("#largerText");
        robot.clickOn("#highContrast");
        List<String> look = robot.lookup("#sound").query().getScene().getRoot().getStyleClass();
        assertTrue(look.containsAll(List.of("larger-text", "high-contrast")), look.toString());

        startSession();
        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#resultTitle"));
        assertTrue(look.contains("high-contrast"), "the customer's look stays with them to the result");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#start"));
        assertFalse(look.contains("larger-text") || look.contains("high-contrast"), "the next customer starts with the operator's look");
    }

    @Test
    void switchingLanguageChangesThePromptsAndTheVoice() throws Exception {
        startSession();
        backend.act(ActionType.BLINK);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(Messages.of(Language.ENGLISH).prompt(Prompt.BLINK)));
        assertEquals(List.of("/voice/en/prompt.blink.wav"), window.voice().lastSaid());
        assertEquals(Optional.of("Kiosk user 7"), backend.request.customerReference());

        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#finish"));
        robot.clickOn("#finish");
        robot.clickOn("#language-th");
        assertEquals(Messages.of(Language.THAI).text(UiText.WELCOME_START), screen.text("#start"));
        startSession();
        backend.act(ActionType.BLINK);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(Messages.of(Language.THAI).prompt(Prompt.BLINK)));
        assertEquals(List.of("/voice/th/prompt.blink.wav"), window.voice().lastSaid());
        assertEquals(Language.THAI, backend.request.language());
    }

    @Test
    void cancelIsNotAFailureAndOffersToStartAgain() throws Exception {
        startSession();
        robot.clickOn("#cancel");
        assertTrue(backend.cancelled.get());

        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.text("#resultTitle").equals(ENGLISH.text(UiText.RESULT_STOPPED)));
        assertFalse(screen.shown("#code"), "no code for the customer");
        assertFalse(screen.shown("#tip"));
        robot.clickOn("#retry");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 2);
    }

    @Test
    void aPassedSessionShowsItsWholeLivenessIdButNotTheFacePhotoAndClearsAfterItsCountdown() throws Exception {
        startSession();
        backend.listener.verifying();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#verifying"));
        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of(LIVENESS_ID), Optional.empty(),
                Optional.of(new byte[] {1, 2, 3}), false, false));
        OnScreen.waitUntil(WAIT, () -> screen.text("#livenessId").replace(" ", "").equals(LIVENESS_ID));
        assertEquals(ENGLISH.text(UiText.RESULT_SUCCESS_TITLE), screen.text("#resultTitle"));
        assertTrue(robot.lookup("#qrCode").query().isVisible());
        assertFalse(robot.lookup("#retry").query().isVisible());
        assertFalse(screen.shown("#bestImage"), "the face photo is the operator's only");
        assertEquals(ENGLISH.text(UiText.RESULT_COUNTDOWN, 1), screen.text("#countdown"));

        OnScreen.waitUntil(WAIT, () -> screen.shown("#start"));
        assertEquals("", screen.text("#livenessId"), "nothing of the customer stays");
    }

    @Test
    void aSessionTheServiceDoubtsIsANeutralThankYouButNeverTheScore() throws Exception {
        startSession();
        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of(LIVENESS_ID), Optional.empty(),
                Optional.empty(), true, false));
        OnScreen.waitUntil(WAIT, () -> !screen.text("#livenessId").isEmpty());

        assertEquals(ENGLISH.text(UiText.RESULT_MANUAL_CHECK), screen.text("#resultTitle"));
        assertFalse(robot.lookup("#retry").query().isVisible(), "the customer did everything asked: no retry offered");
    }

    @Test
    void aFaultOfTheKioskOffersNoRetryAndItsCodeAndDetailAreBehindThePin() throws Exception {
        show(backend.settings.withIdleSeconds(600));
        startSession();
        backend.finish(new KioskOutcome(Optional.of(LivenessError.AUTH_TICKET_DISABLE), "TICKET_EXPIRED: license expired",
                Optional.empty(), Optional.empty(), Optional.empty(), false, false));
        OnScreen.waitUntil(WAIT, () -> screen.text("#resultTitle").equals(ENGLISH.text(UiText.RESULT_KIOSK_UNAVAILABLE)));
        assertEquals(ENGLISH.text(UiText.RESULT_ASK_STAFF), screen.text("#resultMessage"));
        assertFalse(robot.lookup("#retry").query().isVisible());
        assertFalse(screen.shown("#code"));

        robot.clickOn("#forStaff");
        robot.clickOn("#pin").write(PIN).type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#resultDetails"));
        assertEquals("AUTH_TICKET_DISABLE", screen.text("#code"));
        assertEquals(ENGLISH.explanation(LivenessError.AUTH_TICKET_DISABLE), screen.text("#explanation"));
        assertEquals(ENGLISH.wayOut(LivenessError.AUTH_TICKET_DISABLE), screen.text("#wayOut"));
        assertEquals("TICKET_EXPIRED: license expired", screen.text("#detail"), "the service's own code, for the operator");
        robot.clickOn("#detailsClose");
        assertFalse(screen.shown("#resultDetails"));
    }

    @Test
    void aCauseTheCustomerCanFixHasItsTipAndRetriesUntilTheSettingThenStaff() throws Exception {
        show(backend.settings.withIdleSeconds(600));
        startSession();
        for (int attempt = 1; attempt <= KioskSettings.defaults().retries(); attempt++) {
            int starts = backend.starts;
            backend.finish(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "face too dark"));
            OnScreen.waitUntil(WAIT, () -> screen.text("#tip").equals(ENGLISH.prompt(Prompt.MORE_LIGHT)));
            assertEquals(ENGLISH.text(UiText.RESULT_FAILURE_TITLE), screen.text("#resultTitle"));
            assertEquals(List.of("/voice/en/result.failureTitle.wav", "/voice/en/prompt.moreLight.wav"), window.voice().lastSaid(),
                    "the result is said, then its tip");
            robot.clickOn("#retry");
            OnScreen.waitUntil(WAIT, () -> backend.starts == starts + 1);
        }
        backend.finish(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "face too dark"));
        OnScreen.waitUntil(WAIT, () -> screen.text("#resultMessage").equals(ENGLISH.text(UiText.RESULT_ASK_STAFF)));
        assertFalse(robot.lookup("#retry").query().isVisible());
    }

    @Test
    void thePinGuardsTheConsole() throws Exception {
        openConsoleWith("1111");
        OnScreen.waitUntil(WAIT, () -> !screen.text("#pinProblem").isEmpty());
        assertFalse(screen.shown("#console"), "a wrong PIN does not open the console");

        robot.clickOn("#pin").write(PIN).type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        robot.clickOn("#consoleClose");
        assertFalse(screen.shown("#console"));
        assertFalse(left.get());
    }

    /** A touch-only kiosk: a long press on the top-left corner, then the PIN on the on-screen keypad. */
    /**
     * The far/near stage is a step of its own: its panel and picture, its two parts marked as they
     * go, and the oval growing (not jumping) to the near step's size.
     */
    @Test
    void theFarNearStageIsAStepOfItsOwnWithAGrowingOval() throws Exception {
        show(backend.settings.withIdleSeconds(600));
        startSession();
        backend.farNear(SessionState.FAR, 0.15);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#farNearTitle"));
        assertEquals("● " + ENGLISH.prompt(Prompt.FAR_FACE), screen.text("#farStep"));
        assertFalse(screen.shown("#faceInOval"), "one step's panel at a time");
        Ellipse oval = robot.lookup("#oval").queryAs(Ellipse.class);
        double far = oval.getRadiusX();

        backend.farNear(SessionState.NEAR, 0.45);
        OnScreen.waitUntil(WAIT, () -> screen.text("#nearStep").equals("● " + ENGLISH.prompt(Prompt.NEAR_FACE)));
        assertEquals("✓ " + ENGLISH.prompt(Prompt.FAR_FACE), screen.text("#farStep"));
        double growing = oval.getRadiusX();
        assertTrue(growing < far * 0.45 / 0.15 * 0.9, "the oval grows to the near size, it does not jump there: " + growing);
        OnScreen.waitUntil(WAIT, () -> Math.abs(oval.getRadiusX() - far * 0.45 / 0.15) < 1);

        backend.act(ActionType.BLINK);
        OnScreen.waitUntil(WAIT, () -> !screen.shown("#getReady"));
    }

    /** A cause the customer can fix shows its picture with the tip; one without a picture of its own shows none. */
    @Test
    void aTipComesWithItsPicture() throws Exception {
        show(backend.settings.withIdleSeconds(600));
        startSession();
        backend.finish(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "too dark"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#tip"));
        assertTrue(screen.shown("#tipPicture"));
        robot.clickOn("#retry");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 2);
        backend.finish(KioskOutcome.failed(LivenessError.MULTIPLE_FACE, "two faces"));
        OnScreen.waitUntil(WAIT, () -> screen.text("#tip").equals(ENGLISH.prompt(Prompt.ONLY_ONE_PERSON)));
        assertFalse(screen.shown("#tipPicture"));
    }

    @Test
    void aLongPressOnTheCornerAndTheKeypadOpenTheConsole() throws Exception {
        Node root = robot.lookup("#sound").query().getScene().getRoot();
        Point2D corner = root.localToScreen(CornerPress.CORNER_PX / 2, CornerPress.CORNER_PX / 2);
        robot.moveTo(corner).press(MouseButton.PRIMARY);
        Thread.sleep(CornerPress.HOLD_MS / 2);
        robot.release(MouseButton.PRIMARY);
        Thread.sleep(CornerPress.HOLD_MS);
        assertFalse(screen.shown("#pin"), "a short press asks nothing");

        robot.moveTo(root.localToScreen(400, 400)).press(MouseButton.PRIMARY);
        Thread.sleep(CornerPress.HOLD_MS + 500);
        robot.release(MouseButton.PRIMARY);
        assertFalse(screen.shown("#pin"), "a long press away from the corner asks nothing");

        robot.moveTo(corner).press(MouseButton.PRIMARY);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        robot.release(MouseButton.PRIMARY);
        for (char digit : "24699".toCharArray()) {
            robot.clickOn("#pinKey" + digit);
        }
        robot.clickOn("#pinDelete").clickOn("#pinDelete").clickOn("#pinKey8").clickOn("#pinOk");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
    }

    @Test
    void tooManyWrongPinsLockThePromptEvenAgainstTheRightOne() throws Exception {
        openConsoleWith("0000");
        for (int attempt = 2; attempt <= PinPrompt.WRONG_PINS_ALLOWED; attempt++) {
            OnScreen.waitUntil(WAIT, () -> !robot.lookup("#pinOk").queryButton().isDisabled());
            robot.clickOn("#pin").write("0000").type(KeyCode.ENTER);
        }
        OnScreen.waitUntil(WAIT, () -> screen.text("#pinProblem").equals(Messages.of(Language.ENGLISH).text(UiText.CONSOLE_PIN_LOCKED)));

        robot.clickOn("#pin").write(PIN).type(KeyCode.ENTER);
        assertTrue(robot.lookup("#pinOk").queryButton().isDisabled());
        assertFalse(screen.shown("#console"));
    }

    @Test
    void onlyTheConsoleLeavesKioskMode() throws Exception {
        openConsoleWith(PIN);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        robot.clickOn("#leaveKiosk");
        OnScreen.waitUntil(WAIT, left::get);
        assertTrue(backend.cancelled.get() || backend.listener == null, "a session under way is cancelled first");
    }

    /**
     * A window closed another way (the window manager's close button on a kiosk run in a window)
     * tells its opener, which ends the command, and keeps nothing: before, the command waited with
     * no window, and the window's running timer kept it and its screens for the life of the
     * process (240 MB of the test JVM's heap after this class).
     */
    @Test
    void aWindowClosedAnyWayTellsItsOpenerAndIsLetGo() throws Exception {
        WeakReference<KioskWindow> shown = new WeakReference<>(window);
        robot.interact(stage::hide);
        OnScreen.waitUntil(WAIT, left::get);
        stage = Display.newWindow(); // the harness keeps the latest window it made: this one, no longer the closed one
        window = null;
        for (int i = 0; i < 50 && shown.get() != null; i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(shown.get(), "nothing holds a closed window");
    }

    @Test
    void aNewKioskAsksTheOperatorToChooseAPinAndKeepsOnlyItsHash() throws Exception {
        show(backend.settings.withPinHash(""));
        openConsoleWith("12");
        OnScreen.waitUntil(WAIT, () -> screen.text("#pinProblem").equals(Messages.of(Language.ENGLISH).text(UiText.CONSOLE_PIN_TOO_SHORT)));

        robot.clickOn("#pin").write("5791").type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        OnScreen.waitUntil(WAIT, () -> !backend.saved.isEmpty());
        String kept = backend.saved.get(backend.saved.size() - 1).pinHash();
        assertFalse(kept.contains("5791"));
        assertTrue(OperatorPin.matches("5791", kept));
    }

    @Test
    void theConsoleSetsTheBestImageSizeWithinTheSdksRange() throws Exception {
        openConsoleWith(PIN);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        Spinner<?> size = robot.lookup("#resultImageSize").query();
        robot.interact(size::requestFocus);

        // From 600 in steps of 50, nine steps up would be 1050: the console stops at the SDK's 1000.
        robot.type(KeyCode.UP, 9);
        robot.clickOn("#save");
        OnScreen.waitUntil(WAIT, () -> lastSaved().map(KioskSettings::resultImageSize).orElse(0) == 1000);

        robot.interact(size::requestFocus);
        robot.type(KeyCode.DOWN, 20);
        robot.clickOn("#save");
        OnScreen.waitUntil(WAIT, () -> lastSaved().map(KioskSettings::resultImageSize).orElse(0) == 300);
    }

    @Test
    void theConsoleShowsTheServicesCertificate() throws Exception {
        Instant until = Instant.parse("2027-03-01T00:00:00Z");
        backend.authorization = new KioskBackend.Authorization(Optional.of(until), Optional.empty(),
                Optional.of(new KioskBackend.ServiceCertificate("CN=liveness.bank.example", until)));
        openConsoleWith(PIN);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));

        OnScreen.waitUntil(WAIT, () -> screen.text("#authorization").contains("CN=liveness.bank.example"));
        assertTrue(screen.text("#authorization").contains("Service certificate"), screen.text("#authorization"));
    }

    private Optional<KioskSettings> lastSaved() {
        synchronized (backend.saved) {
            return backend.saved.isEmpty() ? Optional.empty() : Optional.of(backend.saved.get(backend.saved.size() - 1));
        }
    }

    @Test
    void theLightStepShowsEachColourAroundThePreviewUnderItsPromptThenTellsWhenEachShowed() throws Exception {
        startSession();
        backend.light();
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(ENGLISH.prompt(Prompt.LIGHT)));
        assertEquals(List.of("/voice/en/prompt.light.wav"), window.voice().lastSaid());
        Color normal = seen("#detection");
        // The first colour longer than drawn ones, so that a busy machine's test cannot miss it.
        LightSequence sequence = new LightSequence(List.of(new LightSequence.Flash(0xFF0000, 1_500),
                new LightSequence.Flash(0x0000FF, 350)));

        CompletableFuture<List<LightSequence.Shown>> told = backend.showLight(sequence);

        OnScreen.waitUntil(WAIT, () -> seen("#detection").equals(Color.RED));
        assertEquals(normal, seen("#prompt"), "the prompt keeps its panel on the colour");
        assertEquals(normal, seen("#steps"), "and so does the footer");
        List<LightSequence.Shown> timeline = told.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(0xFF0000, 0x0000FF), timeline.stream().map(LightSequence.Shown::rgb).toList());
        for (int i = 0; i < timeline.size(); i++) {
            long held = timeline.get(i).toMs() - timeline.get(i).fromMs();
            assertTrue(held >= sequence.flashes().get(i).durationMs(), "colour " + i + " held only " + held + " ms");
        }
        assertEquals(timeline.get(0).toMs(), timeline.get(1).fromMs());
        OnScreen.waitUntil(WAIT, () -> seen("#detection").equals(normal));
    }

    @Test
    void cancelDuringTheLightStopsItAndRestoresTheScreenAtOnce() throws Exception {
        startSession();
        backend.light();
        Color normal = seen("#detection");
        CompletableFuture<List<LightSequence.Shown>> told = backend.showLight(LightSequence.draw(new SplittableRandom(24)));
        OnScreen.waitUntil(WAIT, () -> !seen("#detection").equals(normal));

        robot.clickOn("#cancel");

        assertTrue(backend.cancelled.get());
        assertEquals(normal, seen("#detection"), "no colour once the customer cancelled");
        assertFalse(told.isDone(), "nobody waits for the timeline of a cancelled session");
    }

    @Test
    void aSessionEndingDuringTheLightStopsIt() throws Exception {
        startSession();
        backend.light();
        Color normal = seen("#detection");
        backend.showLight(LightSequence.draw(new SplittableRandom(3)));
        OnScreen.waitUntil(WAIT, () -> !seen("#detection").equals(normal));
        Node detection = shown("#detection");

        backend.finish(KioskOutcome.failed(LivenessError.MUCH_MOTION, "moved during the light step"));

        OnScreen.waitUntil(WAIT, () -> screen.shown("#resultTitle"));
        assertEquals("", WaitForAsyncUtils.asyncFx(detection::getStyle).get(), "the screen is back to its normal look");
    }

    @Test
    void aCustomerMayAskForNoFlashingLightsForTheirSessionAndItsRetriesOnly() throws Exception {
        startSession();
        assertTrue(backend.request.flashesAllowed(), "flashes unless asked");
        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#finish"));
        robot.clickOn("#finish");

        robot.clickOn("#noFlashes");
        startSession();
        assertFalse(backend.request.flashesAllowed());
        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#retry"));
        robot.clickOn("#retry");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 3);
        assertFalse(backend.request.flashesAllowed(), "a retry keeps the customer's choice");
        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#finish"));
        robot.clickOn("#finish");

        assertFalse(robot.lookup("#noFlashes").queryAs(CheckBox.class).isSelected(), "the next customer chooses afresh");
    }

    /** The colour seen behind a node: its own background, or the nearest behind it. */
    private Color seen(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node node = shown(query);
            node.applyCss();
            return Contrast.background(node);
        }).get();
    }

    /** The node in this test's window: an earlier test's window may hold one of the same id. */
    private Node shown(String query) {
        return robot.lookup(query).queryAll().stream().filter(found -> found.getScene().getWindow().isShowing()).findFirst()
                .orElseThrow();
    }

    private void openConsoleWith(String pin) {
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT, KeyCode.CONTROL);
        robot.clickOn("#pin").write(pin).type(KeyCode.ENTER);
    }

    private void startSession() throws Exception {
        int before = backend.starts;
        robot.clickOn("#agree");
        robot.clickOn("#customerReference").write("Kiosk user 7");
        robot.clickOn("#start");
        OnScreen.waitUntil(WAIT, () -> backend.starts == before + 1);
    }
}
