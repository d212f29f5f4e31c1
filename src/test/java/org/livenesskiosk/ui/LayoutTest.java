package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Every screen in every language at the sizes kiosks come in — landscape 1280×800, 1920×1080 and
 * 1024×768, portrait 1080×1920 — with every prompt, every error and every console tab: no text cut
 * short, wider than its place, repeated or under another control, nothing outside the window
 * ({@link LayoutCheck}). And the check itself, shown to fail when a label gets a word too long.
 */
class LayoutTest {

    private static final String PIN = "2468";
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final List<int[]> SIZES = List.of(new int[] {1280, 800}, new int[] {1920, 1080}, new int[] {1080, 1920},
            new int[] {1024, 768});

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private final List<String> problems = new ArrayList<>();
    private Stage stage;

    static Stream<Arguments> everySizeAndLanguage() {
        return SIZES.stream().flatMap(size -> Stream.of(Language.values()).map(language -> Arguments.of(size[0], size[1], language)));
    }

    private void open(int width, int height) throws Exception {
        Display.required();
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.cleanupStages();
        backend.settings = KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(600);
        FxToolkit.setupFixture(() -> {
            new KioskWindow(stage, backend, false, () -> { }).show();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, stage.getScene().getWidth(), 1);
        assertEquals(height, stage.getScene().getHeight(), 1);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @MethodSource("everySizeAndLanguage")
    void everyScreenFits(int width, int height, Language language) throws Exception {
        open(width, height);
        Messages messages = Messages.of(language);
        fire("#language-" + language.locale().getLanguage());
        check("welcome");

        fire("#agree");
        fire("#start");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 1);
        check("get ready");
        for (Prompt prompt : Prompt.values()) {
            Optional<ActionType> action = Stream.of(ActionType.values()).filter(acted -> Prompt.forAction(acted) == prompt).findFirst();
            backend.listener.update(new SessionUpdate(action.isPresent() ? SessionState.ACTING : SessionState.PREPARING,
                    action.isPresent() ? 2 : 0, 3, action, Optional.of(prompt), 9_000, Optional.empty(), List.of(),
                    Optional.empty(), OptionalDouble.empty()));
            OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(messages.prompt(prompt)));
            check("detection, " + prompt);
        }
        backend.listener.verifying();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#verifying"));
        check("verifying");

        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of("LIV-7f3c2a9e-4b1d-4e8a-9c55-0d2b6f1e8a47"),
                Optional.empty(), Optional.empty(), true));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#livenessId"));
        check("passed");
        for (LivenessError error : LivenessError.values()) {
            backend.finish(KioskOutcome.failed(error, "detail"));
            OnScreen.waitUntil(WAIT, () -> screen.text("#code").equals(error.name()));
            check("failed, " + error);
        }

        robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.O, false, true, true, false)));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        check("PIN");
        robot.interact(() -> robot.lookup("#pin").queryAs(PasswordField.class).setText(PIN));
        fire("#pinOk");
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        TabPane tabs = robot.lookup("#console .tab-pane").queryAs(TabPane.class);
        for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
            int shown = tab;
            robot.interact(() -> tabs.getSelectionModel().select(shown));
            check("console, " + tabs.getTabs().get(tab).getText());
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems, at " + width + "×" + height + " in " + language
                + ":\n" + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }

    /** The check fails when one word is too long for its label: a test that cannot fail would prove nothing. */
    @Test
    void aWordTooLongForItsLabelIsCaught() throws Exception {
        open(1024, 768);
        check("welcome");
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        robot.interact(() -> robot.lookup(".consent").queryAs(Label.class)
                .setText("Rechtsschutzversicherungsgesellschaftenvorstandsvorsitzendenstellvertreterwahlkampfausschuss"));
        check("welcome with a long word");
        assertFalse(problems.isEmpty(), "a word wider than the screen went unnoticed");
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("«Rechtsschutz") && problem.contains("wider")),
                String.join("\n", problems));
    }

    private void fire(String query) {
        robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    }

    private void check(String what) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            LayoutCheck.problems(scene).forEach(problem -> problems.add(what + ": " + problem));
        });
    }
}
