package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The screens against a scripted kiosk behind them: what the customer and the operator see and
 * hear for each step of a session. The real kiosk behind the screens is KioskEndToEndTest's.
 */
class KioskWindowTest {

    private static final String PIN = "2468";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private KioskWindow window;
    private final AtomicBoolean left = new AtomicBoolean();

    @BeforeEach
    void open() throws Exception {
        Display.required();
        show(KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(1));
    }

    private void show(KioskSettings settings) throws Exception {
        Stage stage = Display.newWindow();
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
    void switchingLanguageChangesThePromptsAndTheVoice() throws Exception {
        startSession();
        backend.act(ActionType.BLINK);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(Messages.of(Language.ENGLISH).prompt(Prompt.BLINK)));
        assertEquals(Optional.of("/voice/en/prompt.blink.wav"), window.voice().lastSpoken());
        assertEquals(Optional.of("Kiosk user 7"), backend.request.customerReference());

        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#finish"));
        robot.clickOn("#finish");
        robot.clickOn("#language-th");
        assertEquals(Messages.of(Language.THAI).text(UiText.WELCOME_START), screen.text("#start"));
        startSession();
        backend.act(ActionType.BLINK);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(Messages.of(Language.THAI).prompt(Prompt.BLINK)));
        assertEquals(Optional.of("/voice/th/prompt.blink.wav"), window.voice().lastSpoken());
        assertEquals(Language.THAI, backend.request.language());
    }

    @Test
    void cancelAsksTheSessionToStopAndTheResultOffersRetry() throws Exception {
        startSession();
        robot.clickOn("#cancel");
        assertTrue(backend.cancelled.get());

        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.text("#code").equals("USER_GIVE_UP"));
        assertEquals(Messages.of(Language.ENGLISH).explanation(LivenessError.USER_GIVE_UP), screen.text("#explanation"));
        assertEquals(Messages.of(Language.ENGLISH).wayOut(LivenessError.USER_GIVE_UP), screen.text("#wayOut"));
        robot.clickOn("#retry");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 2);
    }

    @Test
    void aPassedSessionShowsItsLivenessIdAndGoesBackToWelcomeWhenLeftIdle() throws Exception {
        startSession();
        backend.listener.verifying();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#verifying"));
        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of("LIV-123"), Optional.empty(),
                Optional.empty(), false, false));
        OnScreen.waitUntil(WAIT, () -> screen.text("#livenessId").equals("LIV-123"));
        assertTrue(robot.lookup("#qrCode").query().isVisible());
        assertFalse(robot.lookup("#retry").query().isVisible());
        assertEquals(Messages.of(Language.ENGLISH).text(UiText.RESULT_VERIFIED), screen.text("#verdict"));

        OnScreen.waitUntil(WAIT, () -> screen.shown("#start"));
        assertEquals("", screen.text("#livenessId"), "nothing of the customer stays");
    }

    @Test
    void aSessionTheServiceDoubtsSaysManualCheckButNeverTheScore() throws Exception {
        startSession();
        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of("LIV-456"), Optional.empty(),
                Optional.empty(), true, false));
        OnScreen.waitUntil(WAIT, () -> screen.text("#livenessId").equals("LIV-456"));

        assertEquals(Messages.of(Language.ENGLISH).text(UiText.RESULT_MANUAL_CHECK), screen.text("#verdict"));
        assertFalse(robot.lookup("#retry").query().isVisible(), "the customer did everything asked: no retry offered");
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
