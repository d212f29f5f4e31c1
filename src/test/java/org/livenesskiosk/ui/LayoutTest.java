package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.testdata.OnScreen;
import org.livenesskiosk.testdata.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Every screen in every language at the sizes kiosks come in — landscape 1280×800, 1920×1080 and
 * 1024×768, portrait 1080×1920 — with the longest prompts and errors and every console tab: no text cut
 * short, wider than its place, repeated or under another control, nothing outside the window
 * ({@link LayoutCheck}). And the check itself, shown to fail when a label gets a word too long.
 */
class LayoutTest {

    private static final String PIN = "2468";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How many of the longest prompts and error texts each language is laid out with. */
    private static final int LONGEST = 4;
    /** A livenessId as the service makes them: 48 hex characters, the longest the result screen shows. */
    private static final String LIVENESS_ID = "7f3c2a9e4b1d4e8a9c550d2b6f1e8a47c0ffee1234567890";
    static final List<int[]> SIZES = List.of(new int[] {1280, 800}, new int[] {1920, 1080}, new int[] {1080, 1920},
            new int[] {1024, 768});

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();
    private final List<String> problems = new ArrayList<>();
    /** With {@code -Dlayout.screenshots=DIR}, each screen checked is also saved there, as laid out. */
    private static final String SHOTS = System.getProperty("layout.screenshots");
    private int shot;
    /** How many screens this layout checked: with the layouts done, the progress a long run reports. */
    private int checked;
    private static final AtomicInteger LAYOUTS_DONE = new AtomicInteger();
    private String shown = "layout";
    private Stage stage;

    /** Every size and language, and larger text on the smallest screens, landscape and portrait, where room is shortest. */
    static Stream<Arguments> everySizeAndLanguage() {
        return Stream.concat(
                SIZES.stream().flatMap(size -> Stream.of(Language.values()).map(language -> Arguments.of(size[0], size[1], language, false))),
                Stream.of(SIZES.get(2), SIZES.get(3))
                        .flatMap(size -> Stream.of(Language.values()).map(language -> Arguments.of(size[0], size[1], language, true))));
    }

    private void open(int width, int height, boolean largerText) throws Exception {
        stage = backend.showWindow(KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN)).withIdleSeconds(600)
                .withNotice(ScriptedBackend.BANK, ScriptedBackend.NOTICE)
                .withLook(false, largerText), width, height);
        assertEquals(width, stage.getScene().getWidth(), 1);
        assertEquals(height, stage.getScene().getHeight(), 1);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "{0}×{1} {2}, larger text {3}")
    @MethodSource("everySizeAndLanguage")
    void everyScreenFits(int width, int height, Language language, boolean largerText) throws Exception {
        open(width, height, largerText);
        shown = language.locale().getLanguage() + "-" + width + "x" + height + (largerText ? "-larger" : "");
        Messages messages = Messages.of(language);
        fire("#language-" + language.locale().getLanguage());
        check("welcome");

        fire("#agree");
        fire("#start");
        OnScreen.waitUntil(WAIT, () -> backend.starts == 1);
        check("get ready");
        backend.farNear(SessionState.FAR, 0.15);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#farNearTitle"));
        check("far/near, far");
        backend.farNear(SessionState.NEAR, 0.45);
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(messages.prompt(Prompt.NEAR_FACE)));
        check("far/near, near");
        for (Prompt prompt : longest(Stream.of(Prompt.values()), messages::prompt)) {
            Optional<ActionType> action = Stream.of(ActionType.values()).filter(acted -> Prompt.forAction(acted) == prompt).findFirst();
            backend.listener.update(new SessionUpdate(action.isPresent() ? SessionState.ACTING : SessionState.PREPARING,
                    action.isPresent() ? 2 : 0, 3, action, Optional.of(prompt), 9_000, Optional.empty(), List.of(),
                    Optional.empty(), OptionalDouble.empty(), ScriptedBackend.ZONE));
            OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(messages.prompt(prompt)));
            check("detection, " + prompt);
        }
        // The light step, a colour around the preview: one held longer than the check takes.
        backend.light();
        OnScreen.waitUntil(WAIT, () -> screen.text("#prompt").equals(messages.prompt(Prompt.LIGHT)));
        backend.showLight(new LightSequence(List.of(new LightSequence.Flash(0x0000FF, 60_000))));
        OnScreen.waitUntil(WAIT, () -> robot.lookup("#detection").queryAll().stream().anyMatch(lit -> !lit.getStyle().isEmpty()));
        check("light step");
        backend.listener.verifying();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#verifying"));
        check("verifying");

        backend.finish(new KioskOutcome(Optional.empty(), "every action seen", Optional.of(LIVENESS_ID),
                Optional.empty(), Optional.empty(), true, false));
        OnScreen.waitUntil(WAIT, () -> screen.shown("#livenessId"));
        check("passed");
        // The customer's screen for the longest tips, then (once no retry is left) for staff;
        // the operator's details for the longest explanation and way out.
        for (LivenessError error : longest(Stream.of(LivenessError.values()),
                code -> CustomerResult.of(KioskOutcome.failed(code, ""), 1, 2).tip().map(messages::prompt).orElse(""))) {
            backend.finish(KioskOutcome.failed(error, "detail"));
            WaitForAsyncUtils.waitForFxEvents();
            check("failed, " + error);
        }
        LivenessError longestForStaff = longest(Stream.of(LivenessError.values()),
                code -> messages.explanation(code) + messages.wayOut(code)).get(0);
        backend.finish(KioskOutcome.failed(longestForStaff, "SERVICE_CODE: what the service said"));
        WaitForAsyncUtils.waitForFxEvents();
        fire("#forStaff");
        enterPin();
        OnScreen.waitUntil(WAIT, () -> screen.text("#code").equals(longestForStaff.name()));
        check("details, " + longestForStaff);
        fire("#detailsClose");

        robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.O, false, true, true, false)));
        enterPin();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        TabPane tabs = robot.lookup("#console .tab-pane").queryAs(TabPane.class);
        for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
            int selected = tab;
            robot.interact(() -> tabs.getSelectionModel().select(selected));
            check("console, " + tabs.getTabs().get(tab).getText());
        }
        // Some minutes in all: each layout says it is done, so that a run shows it is moving.
        System.out.printf(Locale.ROOT, "LayoutTest %d/%d: %s, %d screens, %d problems%n", LAYOUTS_DONE.incrementAndGet(),
                everySizeAndLanguage().count(), shown, checked, problems.size());
        assertTrue(problems.isEmpty(), problems.size() + " problems, at " + width + "×" + height + " in " + language
                + (largerText ? " with larger text" : "")
                + ":\n" + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }

    /** The check fails when one word is too long for its label: a test that cannot fail would prove nothing. */
    @Test
    void aWordTooLongForItsLabelIsCaught() throws Exception {
        open(1024, 768, false);
        check("welcome");
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        robot.interact(() -> robot.lookup(".consent").queryAs(Label.class)
                .setText("Rechtsschutzversicherungsgesellschaftenvorstandsvorsitzendenstellvertreterwahlkampfausschuss"));
        check("welcome with a long word");
        assertFalse(problems.isEmpty(), "a word wider than the screen went unnoticed");
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("«Rechtsschutz") && problem.contains("wider")),
                String.join("\n", problems));
    }

    /** An empty table left with JavaFX's own English words is caught, as an operator in any other language would see it. */
    @Test
    void anEmptyTableShowingJavaFxsOwnWordsIsCaught() throws Exception {
        open(1280, 800, false);
        robot.interact(() -> Event.fireEvent(stage.getScene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.O, false, true, true, false)));
        enterPin();
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        robot.interact(() -> robot.lookup("#console .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        check("history, empty");
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        robot.interact(() -> robot.lookup("#history").queryAs(TableView.class).setPlaceholder(null));
        check("history, JavaFX's placeholder");
        assertTrue(problems.stream().anyMatch(problem -> problem.contains("No content in table")), String.join("\n", problems));
    }

    /**
     * The texts that need the most room in this language (the longest, and the one with the longest
     * word): the others fit where these do, and laying out all of them at every size takes minutes.
     */
    private static <T> List<T> longest(Stream<T> texts, Function<T, String> text) {
        List<T> all = texts.toList();
        Stream<T> longestText = all.stream().sorted(Comparator.comparingInt((T each) -> text.apply(each).length()).reversed())
                .limit(LONGEST);
        Stream<T> longestWord = all.stream().max(Comparator.comparingInt(
                (T each) -> Stream.of(text.apply(each).split("\\s+")).mapToInt(String::length).max().orElse(0))).stream();
        return Stream.concat(longestText, longestWord).distinct().toList();
    }

    private void enterPin() throws Exception {
        OnScreen.waitUntil(WAIT, () -> screen.shown("#pin"));
        check("PIN");
        robot.interact(() -> robot.lookup("#pin").queryAs(PasswordField.class).setText(PIN));
        fire("#pinOk");
    }

    private void fire(String query) {
        robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    }

    private void check(String what) throws Exception {
        if (SHOTS != null) {
            String name = shown + "-" + shot++ + "-" + what.replaceAll("[^A-Za-z0-9]+", "-");
            Screenshots.save(stage.getScene(), Path.of(SHOTS, name + ".png"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        checked++;
        robot.interact(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            LayoutCheck.problems(scene).forEach(problem -> problems.add(what + ": " + problem));
        });
    }
}
