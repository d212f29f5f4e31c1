package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.kiosk.InstanceLock;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A second kiosk process on the same data folder ends with {@code ALREADY_INIT}, naming the one
 * that runs; a kiosk process that crashed leaves no lock behind.
 */
class AlreadyInitTest {

    @TempDir
    Path data;

    /** A kiosk process as far as the data folder is concerned: it takes the folder, says so, and runs until killed. */
    public static final class RunningKiosk {
        public static void main(String[] args) throws Exception {
            try (InstanceLock held = InstanceLock.acquire(Path.of(args[0]), "kiosk")) {
                System.out.println("running");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    private Process runningKiosk() throws IOException {
        Process kiosk = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunningKiosk.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("running", said.readLine());
        return kiosk;
    }

    @TempDir
    Path elsewhere;

    /** A detect whose session cannot run (its clip is text), so that only the lock decides what it answers. */
    private JsonObject detect() throws IOException {
        Path notAClip = Files.writeString(elsewhere.resolve("not-a-clip.avi"), "this is not a video");
        CommandLineRun run = CommandLineRun.of("detect", "--data", data.toString(), "--source", notAClip.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        return JsonParser.parseString(run.out().strip()).getAsJsonObject();
    }

    @Test
    void aSecondDetectOnTheDataOfARunningKioskIsAlreadyInitNamingIt() throws Exception {
        Process kiosk = runningKiosk();
        try {
            JsonObject refused = detect();

            assertEquals("ALREADY_INIT", refused.get("code").getAsString(), refused.toString());
            assertTrue(refused.get("detail").getAsString().contains("pid " + kiosk.pid() + ", kiosk, started "), refused.toString());
            assertTrue(refused.get("message").getAsString().contains("already running"), refused.toString());
            assertFalse(Files.exists(data.resolve("latest-result.json")), "the running kiosk's folder is left alone");
        } finally {
            kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondKioskOnTheDataOfARunningKioskIsAlreadyInit() throws Exception {
        Process kiosk = runningKiosk();
        try {
            CommandLineRun run = CommandLineRun.of("kiosk", "--windowed", "--data", data.toString());

            assertEquals(KioskCommand.EXIT_ALREADY_RUNNING, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("ALREADY_INIT: Liveness Kiosk is already running on " + data.toAbsolutePath()
                    + " (pid " + kiosk.pid() + ", kiosk, started "), run.err());
        } finally {
            kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKioskThatCrashedLeavesNoLockBehind() throws Exception {
        Process crashed = runningKiosk();
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        JsonObject session = detect();

        assertNotEquals("ALREADY_INIT", session.get("code").getAsString(), session.toString());
        assertEquals("DEVICE_NOT_SUPPORT", session.get("code").getAsString(), session.toString());
    }
}
