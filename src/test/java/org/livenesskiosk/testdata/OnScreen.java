package org.livenesskiosk.testdata;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/** What the kiosk's window shows now, found by node id as a person would read it. */
public final class OnScreen {

    private final FxRobot robot;

    public OnScreen(FxRobot robot) {
        this.robot = robot;
    }

    /** The text of a label, button or field on screen now; empty when it is not on screen. */
    public String text(String query) {
        return onUiThread(() -> onScreen(query).map(node -> node instanceof Labeled labeled ? labeled.getText()
                : ((TextInputControl) node).getText()).orElse(""));
    }

    public boolean shown(String query) {
        return onScreen(query).isPresent();
    }

    /**
     * The node on screen that answers the query: a window an earlier test left behind may hold an
     * unseen node of the same id, and the first match alone would be that one. Looked up on the UI
     * thread: walking the scene from the test's thread while the UI changes it fails at random.
     */
    private Optional<Node> onScreen(String query) {
        return onUiThread(() -> robot.lookup(query).queryAll().stream().filter(OnScreen::visible).findFirst());
    }

    /** A question about the window, answered on the UI thread (at once when asked there). */
    public static <T> T onUiThread(Callable<T> question) {
        try {
            return Platform.isFxApplicationThread() ? question.call() : WaitForAsyncUtils.asyncFx(question).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the window", e);
        }
    }

    /**
     * Waits for the window to reach a state, then for the UI thread to finish drawing it. The
     * state is read on the UI thread, like every look at the window.
     */
    public static void waitUntil(Duration limit, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS, () -> onUiThread(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean visible(Node node) {
        for (Node shown = node; shown != null; shown = shown.getParent()) {
            if (!shown.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }
}
