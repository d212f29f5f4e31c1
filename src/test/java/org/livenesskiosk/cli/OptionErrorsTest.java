package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.livenesskiosk.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * Every command given a wrong option or value answers in one line, at once, before anything loads:
 * exit 2, the option, the value, what is allowed and where the help is; never a Java class name, an
 * exception's text or a screenful of help.
 */
class OptionErrorsTest {

    /** Parsing alone: well under the two seconds a person waits for an option error, on a loaded machine too. */
    private static final long PARSE_MILLIS = 1_500;

    @TempDir
    static Path temp;

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                wrong("--distance", "garbage", "MIN-MAX in cm", "detect"),
                wrong("--distance", "120-15", "the nearer first", "detect"),
                wrong("--distance", "40-80-120", "MIN-MAX in cm", "kiosk"),
                wrong("--source", "/no/such/clip.avi", "camera:N or webcam:NAME", "detect"),
                wrong("--source", "/no/such/clip.avi", "camera:N or webcam:NAME", "kiosk"),
                wrong("--server", "not-a-url", "http://HOST[:PORT]", "detect"),
                wrong("--server", "ftp://bank.example", "http://HOST[:PORT]", "kiosk"),
                wrong("--action-timeout", "-3", "above 0", "detect"),
                wrong("--prepare-timeout", "soon", "above 0", "detect"),
                wrong("--result-size", "1200", "300 to 1000", "detect"),
                wrong("--level", "wrong", "EASY, NORMAL, HARD", "detect"),
                wrong("--codes", "windows", "ANDROID, IOS", "detect"),
                wrong("--actions", "JUMP", "BLINK, MOUTH, POS_YAW, NOD", "detect"),
                wrong("--far-near", "maybe", "on or off", "detect"),
                wrong("--fps", "0", "above 0", "detect"),
                wrong("--source", "/no/such/folder", "a folder of frames", "analyze"),
                wrong("--format", "xml", "jsonl, csv", "analyze"),
                wrong("--repeat", "0", "1 or more", "bench"),
                wrong("--frames", "many", "1 or more", "bench"),
                wrong("--frame-size", "640", "WIDTHxHEIGHT", "bench"),
                wrong("--load-kiosks", "-1", "0 or more", "bench"),
                wrong("--port", "99999", "0 (any free port) to 65535", "serve"),
                wrong("--port", "http", "0 (any free port) to 65535", "serve"),
                wrong("--public-url", "javascript:alert(1)", "http://HOST[:PORT]", "serve"),
                wrong("--lockout-minutes", "-1", "0 or more", "serve"),
                wrong("--retention-days", "0", "1 or more", "serve"),
                wrong("--server", "127.0.0.1:8080", "http://HOST[:PORT]", "loadtest"),
                wrong("--kiosks", "0", "1 or more", "loadtest"),
                wrong("--deadline-seconds", "1e3", "1 or more", "loadtest"),
                wrong("--result-size", "299", "300 to 1000", "accounts", "settings", "--access-key", "K"),
                wrong("--far-near-timeout", "90", "10 to 60", "accounts", "settings", "--access-key", "K"),
                wrong("--action-timeout", "0", "above 0", "accounts", "settings", "--access-key", "K"));
    }

    private static Arguments wrong(String option, String value, String allowed, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(option, value));
        return Arguments.of(args, option, value, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void aWrongValueIsOneLineNamingTheOptionTheValueAndWhatIsAllowed(List<String> args, String option, String value, String allowed) {
        CommandLineRun run = timed(args);

        assertEquals(2, run.exitCode(), run.err());
        assertOneCleanLine(run);
        assertTrue(run.err().contains(option) && run.err().contains(value) && run.err().contains(allowed), run.err());
        String command = args.get(0).equals("accounts") ? "accounts " + args.get(1) : args.get(0);
        assertTrue(run.err().contains("(see `liveness-kiosk " + command + " --help`)"), run.err());
    }

    /** Each command of the product, and each of {@code accounts}, found from the command line itself: none is left out. */
    static Stream<List<String>> everyCommand() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), List.of(), commands);
        return commands.stream();
    }

    private static void collect(CommandLine commandLine, List<String> path, List<List<String>> into) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            into.add(subPath);
            collect(sub, subPath, into);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void anUnknownOptionIsOneLineForEveryCommand(List<String> command) {
        if (command.equals(List.of("loadtest"))) {
            // Its default --source is a shared clip, checked before the unknown option is.
            SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi");
        }
        List<String> args = new ArrayList<>(command);
        args.add("--no-such-option");

        CommandLineRun run = timed(args);

        assertEquals(2, run.exitCode(), run.err());
        assertOneCleanLine(run);
        // picocli says first what a command cannot run without, then what it does not know: either is the one line.
        assertTrue(run.err().contains("'--no-such-option'") || run.err().startsWith("Missing required option"), run.err());
        assertTrue(run.err().contains("(see `liveness-kiosk " + String.join(" ", command) + " --help`)"), run.err());
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        CommandLineRun run = timed(List.of("detect"));

        assertEquals(2, run.exitCode(), run.err());
        assertOneCleanLine(run);
        assertTrue(run.err().contains("--source"), run.err());
    }

    @Test
    void serveOnAPortAnotherProgramHoldsSaysSoInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLineRun run = timed(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()),
                    "--data", temp.resolve("serve").toString()));

            assertEquals(1, run.exitCode(), run.err());
            assertOneCleanLine(run);
            assertTrue(run.err().contains("127.0.0.1:" + taken.getLocalPort()) && run.err().contains("already listens there")
                    && run.err().contains("--port"), run.err());
        }
    }

    private static CommandLineRun timed(List<String> args) {
        long start = System.nanoTime();
        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < PARSE_MILLIS, args + " took " + millis + " ms");
        return run;
    }

    private static void assertOneCleanLine(CommandLineRun run) {
        assertEquals("", run.out(), "nothing on standard output");
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("java.") || run.err().contains("Exception") || run.err().contains("Usage:"), run.err());
    }
}
