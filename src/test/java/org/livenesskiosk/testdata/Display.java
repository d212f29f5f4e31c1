package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
}
