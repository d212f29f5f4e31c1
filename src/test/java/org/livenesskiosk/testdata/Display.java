package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeoutException;

import org.testfx.api.FxToolkit;

import javafx.stage.Stage;

/**
 * The kiosk's window needs a display: Xvfb on a machine without one ({@code bin/test} starts it).
 * A UI test skips with the reason when there is none — and fails under CI, where there must be one.
 */
public final class Display {

    private Display() {
    }

    public static void required() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            String reason = "No display (DISPLAY is not set): run the UI tests under Xvfb, as bin/test does";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
    }

    /**
     * A window of the test's own, new, for its kiosk window to be sized by its scene. FxToolkit's
     * primary stage lasts as long as the JVM and keeps the size an earlier test set on it: a kiosk
     * window shown on it after a 1024×768 layout check is 1024×768, its customer reference field
     * under the footer, where a click unticks the consent instead.
     */
    public static Stage newWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        return FxToolkit.registerStage(Stage::new);
    }
}
