package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.liveness.IdCardCapture.Guidance;
import org.livenesskiosk.testdata.Display;
import org.livenesskiosk.testdata.OnScreen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The operator console over a scripted kiosk. Its history shows how the bank's review of the kiosk's
 * manual checks stands: what the kiosk last knew at once, what the service says once it answers,
 * and, offline, what it last knew without an error. Its "Check ID photo" draws the card's rectangle
 * over the preview, in the card's proportions, says the customer's instruction as the capture tells
 * it, and stops the camera once the portrait is captured.
 */
class ConsoleTest {

    private static final String PIN = "2468";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    private static final Instant FINISHED = Instant.parse("2026-12-01T09:30:00Z");

    private final FxRobot robot = new FxRobot();
    private final OnScreen screen = new OnScreen(robot);
    private final ScriptedBackend backend = new ScriptedBackend();

    @BeforeEach
    void open() {
        Display.required();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theReviewersDecisionWithItsReasonShowsOnceTheServiceTellsIt() throws Exception {
        Optional<HistoryEntry.Review> waiting = Optional.of(new HistoryEntry.Review(HistoryEntry.ReviewStatus.PENDING,
                Optional.empty(), Optional.empty()));
        HistoryEntry approved = manualCheck("s-1", waiting);
        HistoryEntry rejected = manualCheck("s-2", waiting);
        HistoryEntry stillWaiting = manualCheck("s-3", Optional.empty());
        HistoryEntry verified = new HistoryEntry("s-4", FINISHED, Optional.empty(), HistoryEntry.SUCCESS, "", false,
                Optional.of("b".repeat(48)), HistoryEntry.UploadState.SENT, Optional.empty());
        HistoryEntry longReason = manualCheck("s-5", waiting);
        backend.history = List.of(approved, rejected, stillWaiting, verified, longReason);
        backend.reviewed = Optional.of(List.of(
                decided(approved, HistoryEntry.ReviewStatus.APPROVED, "ID checked at the desk"),
                decided(rejected, HistoryEntry.ReviewStatus.REJECTED, "A screen's edge in the audit image"),
                manualCheck("s-3", waiting), verified, decided(longReason, HistoryEntry.ReviewStatus.APPROVED, "x".repeat(500))));

        TableView<?> history = openConsole();
        OnScreen.waitUntil(WAIT, () -> reviewColumn(history).get(0).startsWith("Approved"));
        assertEquals(List.of("Approved by the bank's review: ID checked at the desk",
                "Rejected by the bank's review: A screen's edge in the audit image",
                ENGLISH.text(UiText.CONSOLE_REVIEW_PENDING), ""), reviewColumn(history).subList(0, 4), "a verified session has no review");
        assertEquals("Manual check: waiting for the bank's review", ENGLISH.text(UiText.CONSOLE_REVIEW_PENDING));
        assertEquals(ENGLISH.text(UiText.CONSOLE_VERDICT_MANUAL_CHECK) + ": " + "a1".repeat(24), resultColumn(history).get(0)
                .lines().findFirst().orElseThrow(), "under the verdict and its livenessId");
        assertEquals("Approved by the bank's review: " + "x".repeat(59) + "…", reviewColumn(history).get(4),
                "a reason of 500 characters is cut, so that the column stays as wide as a verdict");
    }

    @Test
    void aServiceOutOfReachLeavesWhatTheKioskLastKnewAndNoError() throws Exception {
        backend.history = List.of(manualCheck("s-1", Optional.of(new HistoryEntry.Review(HistoryEntry.ReviewStatus.APPROVED,
                Optional.of(FINISHED.plusSeconds(600)), Optional.of("Passport checked")))), manualCheck("s-2", Optional.empty()));
        backend.reviewed = Optional.empty();

        TableView<?> history = openConsole();
        OnScreen.waitUntil(WAIT, () -> history.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Approved by the bank's review: Passport checked", ""), reviewColumn(history));
        assertEquals(1, Window.getWindows().size(), "no error dialog, only the kiosk's window");
    }

    @Test
    void theCustomerIsGuidedUntilThePortraitIsCaptured() throws Exception {
        openConsole();
        Label instruction = robot.lookup("#idPhotoGuidance").queryAs(Label.class);
        Rectangle guide = robot.lookup("#idCardGuide").queryAs(Rectangle.class);
        assertFalse(guide.isVisible(), "no rectangle before the check");

        robot.clickOn("#checkIdPhoto");
        OnScreen.waitUntil(WAIT, () -> backend.idPhoto != null);
        backend.idPhoto.guidance(Guidance.GLARE);
        OnScreen.waitUntil(WAIT, () -> !instruction.getText().isEmpty());

        assertEquals("Tilt the card a little: the light reflects on it", instruction.getText());
        assertTrue(guide.isVisible());
        assertEquals(IdCardCapture.CARD_ASPECT, guide.getWidth() / guide.getHeight(), 0.01);
        assertFalse(backend.idPhotoStopped.get());

        backend.idPhoto.guidance(Guidance.CAPTURED);
        OnScreen.waitUntil(WAIT, () -> backend.idPhotoStopped.get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ENGLISH.text(UiText.ID_PHOTO_CAPTURED), instruction.getText());
        assertFalse(guide.isVisible(), "the camera stopped with the capture");
    }

    private TableView<?> openConsole() throws Exception {
        Stage stage = Display.newWindow();
        FxToolkit.cleanupStages();
        backend.settings = KioskSettings.defaults().withPinHash(OperatorPin.hash(PIN));
        FxToolkit.setupFixture(() -> new KioskWindow(stage, backend, false, () -> { }).show());
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT, KeyCode.CONTROL);
        robot.clickOn("#pin").write(PIN).type(KeyCode.ENTER);
        OnScreen.waitUntil(WAIT, () -> screen.shown("#console"));
        return robot.lookup("#history").queryAs(TableView.class);
    }

    /** What the result column shows, row by row. */
    private static List<String> resultColumn(TableView<?> history) {
        return IntStream.range(0, history.getItems().size()).mapToObj(row -> String.valueOf(history.getColumns().get(2).getCellData(row)))
                .toList();
    }

    /** The review's line under each row's verdict, empty when there is none. */
    private static List<String> reviewColumn(TableView<?> history) {
        return resultColumn(history).stream().map(result -> result.lines().skip(1).findFirst().orElse("")).toList();
    }

    private static HistoryEntry manualCheck(String sessionId, Optional<HistoryEntry.Review> review) {
        return new HistoryEntry(sessionId, FINISHED, Optional.of("Customer " + sessionId), HistoryEntry.SUCCESS, "", true,
                Optional.of(sessionId.replace("s-", "a").repeat(24)), HistoryEntry.UploadState.SENT, review);
    }

    private static HistoryEntry decided(HistoryEntry entry, HistoryEntry.ReviewStatus status, String reason) {
        return new HistoryEntry(entry.sessionId(), entry.time(), entry.customerReference(), entry.code(), entry.detail(),
                entry.manualCheck(), entry.livenessId(), entry.upload(), Optional.of(new HistoryEntry.Review(status,
                        Optional.of(FINISHED.plusSeconds(3_600)), Optional.of(reason))));
    }
}
