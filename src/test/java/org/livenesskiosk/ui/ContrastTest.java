package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.event.Event;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * Every screen's text and icons against what is behind them, measured (WCAG AA: 4.5:1 for text,
 * 3:1 for icon lines), in the normal look and in high contrast — not judged by eye. A focused
 * control (the one a finger last touched) counts too.
 */
class ContrastTest {

    private static final String PIN = "2468";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private final List<String> problems = new ArrayList<>();
    private Stage stage;

    private void open(boolean highContrast) throws Exception {
        stage = backend.showWindow(KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(600)
                .withNotice(ScriptedBackend.BANK, ScriptedBackend.NOTICE)
                .withLook(highContrast, false), 1280, 800);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "high contrast {0}")
    @ValueSource(booleans = {false, true})
    void everyScreenMeetsWcagAa(boolean highContrast) throws Exception {
        open(highContrast);
        check("welcome");
        fire("#agree");
        focus("#start");
        check("welcome, Start focused");
        fire("#start");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 1);
        backend.farNear(SessionState.NEAR, 0.4);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#farNearTitle"));
        check("far/near step");
        backend.act(ActionType.MOUTH);
        OnScreen.waitUntil(WAIT, () -> !screen.text("#prompt").isEmpty());
        focus("#cancel");
        check("detection, Cancel focused");

        backend.finish(KioskOutcome.failed(LivenessError.WEAK_LIGHT, "face too dark"));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#tip"));
        check("result, a tip");
        fire("#forStaff");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        check("PIN");
        robot.interact(() -> robot.lookup("#pin").queryAs(PasswordField.class).setText(PIN));
        fire("#pinOk");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#resultDetails"));
        check("details");
        fire("#detailsClose");
        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of("7f3c2a9e".repeat(6)),
                Optional.empty(), Optional.empty(), false, false));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#livenessId"));
        check("result, passed");

        robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.O, false, true, true, false)));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        robot.interact(() -> robot.lookup("#pin").queryAs(PasswordField.class).setText(PIN));
        fire("#pinOk");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        check("console");
        assertTrue(problems.isEmpty(), problems.size() + " below WCAG AA" + (highContrast ? " in high contrast" : "") + ":\n"
                + String.join("\n", problems));
    }

    /**
     * The light step's prompt, the tick and the footer on each colour the service may draw: their
     * panels keep them readable whatever colour fills the screen around the preview.
     */
    @ParameterizedTest(name = "high contrast {0}")
    @ValueSource(booleans = {false, true})
    void theLightStepIsReadableOnEveryColour(boolean highContrast) throws Exception {
        open(highContrast);
        fire("#agree");
        fire("#start");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 1);
        backend.act(ActionType.MOUTH);
        Messages english = Messages.of(Language.ENGLISH);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(english.prompt(Prompt.OPEN_MOUTH)));
        // The action's tick stays a moment into the light step: on its panel too.
        backend.light();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#tick") && screen.text("#prompt").equals(english.prompt(Prompt.LIGHT)));
        DetectionScreen detection = robot.lookup("#detection").queryAs(DetectionScreen.class);
        for (int colour : LightSequence.PALETTE) {
            robot.interact(() -> detection.paint(OptionalInt.of(colour)));
            check(String.format("light step on #%06x", colour));
            assertEquals(Color.rgb(colour >> 16, colour >> 8 & 0xFF, colour & 0xFF), Contrast.background(detection),
                    "the colour fills the screen around the preview");
        }
        assertTrue(problems.isEmpty(), problems.size() + " below WCAG AA" + (highContrast ? " in high contrast" : "") + ":\n"
                + String.join("\n", problems));
    }

    /** The check fails on text too faint to read: a test that cannot fail would prove nothing. */
    @Test
    void faintTextIsCaught() throws Exception {
        open(false);
        robot.interact(() -> robot.lookup(".consent").queryAs(Label.class).setStyle("-fx-text-fill: #c8d0d8;"));
        check("welcome, faint consent");
        assertFalse(problems.isEmpty(), "a pale grey on a pale background went unnoticed");
        assertTrue(problems.get(0).contains("To confirm"), problems.get(0));
    }

    @Test
    void theRatioIsWcags() {
        assertEquals(21, Contrast.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1, Contrast.ratio(Color.web("#777777"), Color.web("#777777")), 1e-9);
        // #767676 on white is the palest grey that passes 4.5:1.
        assertTrue(Contrast.ratio(Color.web("#767676"), Color.WHITE) >= 4.5);
        assertTrue(Contrast.ratio(Color.web("#777777"), Color.WHITE) < 4.5);
    }

    private void fire(String query) {
        robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    }

    private void focus(String query) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
    }

    private void check(String what) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            Contrast.problems(stage.getScene().getRoot()).forEach(problem -> problems.add(what + ": " + problem));
        });
    }
}
