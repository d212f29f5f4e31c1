package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for the tests of the service's web pages: the page loaded as a
 * person's browser loads it, its scripts run, then its DOM or a screenshot. Without Chromium the
 * test is skipped with the reason (bin/setup installs it), and under CI it fails.
 */
public final class HeadlessChromium {

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** Chromium with a throw-away profile in {@code folder}; skips or fails the test when it is not installed. */
    public static HeadlessChromium in(Path folder) {
        Path binary = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (binary == null) {
            String reason = "Chromium is not installed (apt-get install chromium; bin/setup does): the page's browser test is skipped";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return new HeadlessChromium(binary, folder);
    }

    /** The page's DOM once its scripts ran (up to ten seconds of the page's time). */
    public String dom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** A screenshot of the page, 1280 pixels wide, to {@code png}. */
    public void screenshot(String url, Path png, int height) throws IOException, InterruptedException {
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height, "--hide-scrollbars");
    }

    private String run(String url, String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--virtual-time-budget=10000"));
        command.addAll(List.of(what));
        command.add(url);
        Path out = Files.createTempFile(profile, "chromium", ".out");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("Chromium did not finish within 90 s");
        }
        assertEquals(0, chromium.exitValue(), "Chromium's exit status");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
