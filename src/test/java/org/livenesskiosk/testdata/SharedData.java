package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared recordings and images of real people ({@code ../shared/data}, or the folder in the
 * system property {@code liveness.data}). They are not ours to commit, so a test that needs them
 * skips with the reason when they are absent — and fails under CI, where they must be present.
 */
public final class SharedData {

    private SharedData() {
    }

    /** A file of the shared data, e.g. {@code videos/x.avi}; skips or fails the test when it is missing. */
    public static Path file(String relativePath) {
        Path root = Path.of(System.getProperty("liveness.data", "../shared/data"));
        Path file = root.resolve(relativePath);
        if (!Files.isReadable(file)) {
            String reason = "The shared test data " + file.toAbsolutePath()
                    + " is missing; set -Dliveness.data to the folder with MANIFEST.md";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return file;
    }

    public static Path image(String name) {
        return file("images/" + name);
    }

    public static Path video(String name) {
        return file("videos/" + name);
    }

    public static Path annotation(String name) {
        return file("annotations/" + name);
    }
}
