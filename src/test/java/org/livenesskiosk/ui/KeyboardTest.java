package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** A customer who cannot use the touch screen goes through every customer screen with the keyboard alone. */
class KeyboardTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        Display.required();
        stage = Display.newWindow();
        FxToolkit.cleanupStages();
        backend.settings = KioskSettings.defaults().withPinHash(OperatorPin.hash("2468")).withIdleSeconds(600);
        FxToolkit.setupFixture(() -> {
            new KioskWindow(stage, backend, false, () -> { }).show();
            stage.toFront();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyCustomerScreenWorksWithTheKeyboardAlone() throws Exception {
        // The window has the keyboard, as a kiosk's only window does (on Xvfb, a click gives it).
        robot.clickOn(".title");
        tabTo("#language-en", KeyCode.TAB);
        tabTo("#language-th", KeyCode.RIGHT);
        robot.type(KeyCode.SPACE);
        OnScreen.waitUntil(WAIT, () -> screen.text("#start").equals(Messages.of(Language.THAI).text(UiText.WELCOME_START)));

        tabTo("#agree", KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        tabTo("#start", KeyCode.TAB);
        robot.type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> backend.starts == 1);
        assertEquals(Language.THAI, backend.request.language());

        tabTo("#cancel", KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        OnScreen.waitUntil(WAIT, backend.cancelled::get);
        backend.finish(KioskOutcome.failed(LivenessError.USER_GIVE_UP, "cancelled"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#retry"));

        tabTo("#retry", KeyCode.TAB);
        robot.type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> backend.starts == 2);
        backend.finish(KioskOutcome.failed(LivenessError.ACTION_TIMEOUT, "too slow"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#finish"));
        tabTo("#finish", KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#start"));
    }

    /** Presses a key (Tab; an arrow within the languages) until the control has the focus: it is reached without a mouse. */
    private void tabTo(String query, KeyCode key) throws Exception {
        Node target = robot.lookup(query).query();
        for (int presses = 0; presses < 30 && !target.isFocused(); presses++) {
            robot.type(key);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(target.isFocused(), query + " cannot be reached with " + key);
    }
}
