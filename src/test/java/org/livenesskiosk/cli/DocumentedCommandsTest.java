package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.livenesskiosk.testdata.SharedData;

/**
 * The commands the README and {@code docs/} show run as written: every fenced block marked
 * {@code ```sh runnable} runs with bash from the project's folder and must succeed; when the next
 * block is marked as its output ({@code ```json output}, {@code ```text output}), what it printed
 * must show it, line by line, in order, {@code …} standing for anything. The launcher and
 * {@code java -jar target/liveness-kiosk.jar} run this build's classes: the tests run before the jar
 * is made. Each block runs as a new kiosk of its own (its XDG folders in a temporary folder).
 */
class DocumentedCommandsTest {

    /** A demo is a few seconds; a loaded machine makes it a minute. */
    private static final Duration BLOCK_LIMIT = Duration.ofMinutes(3);
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*(\\S*)\\s*$");
    private static final String LAUNCHER = "bin/liveness-kiosk";
    private static final String JAR = "java -jar target/liveness-kiosk.jar";
    private static final String SHARED_DATA = "../shared/data";

    /** A runnable block, where it stands, and the output shown after it, if any. */
    record Block(String where, String script, Optional<String> shown) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Stream<Block> runnableBlocks() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages) {
            blocks.addAll(runnableBlocks(page.toString(), Files.readAllLines(page)));
        }
        return blocks.stream();
    }

    static List<Block> runnableBlocks(String page, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        Block pending = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches() || fence.group(1).isEmpty()) {
                continue;
            }
            int start = i;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.append(lines.get(i)).append('\n');
            }
            String marker = fence.group(2);
            if (pending != null) {
                blocks.add(marker.equals("output") ? new Block(pending.where(), pending.script(), Optional.of(body.toString())) : pending);
                pending = null;
            }
            if (fence.group(1).equals("sh") && marker.equals("runnable")) {
                pending = new Block(page + ":" + (start + 1), body.toString(), Optional.empty());
            }
        }
        if (pending != null) {
            blocks.add(pending);
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnableBlocks")
    void runsAsWrittenAndPrintsWhatIsShown(Block block, @TempDir Path home) throws Exception {
        String output = run(block.script(), home);
        block.shown().ifPresent(shown -> assertShows(shown, output));
    }

    @Test
    void theReadmeShowsRunnableCommandsWithTheirOutput() throws IOException {
        List<Block> readme = runnableBlocks("README.md", Files.readAllLines(Path.of("README.md")));

        assertTrue(readme.size() >= 2 && readme.stream().allMatch(block -> block.shown().isPresent()), readme.toString());
    }

    @Test
    void aBlockThatFailsOrPrintsSomethingElseFails(@TempDir Path home) {
        assertThrows(AssertionError.class, () -> run("echo about to fail\nfalse\n", home));
        assertThrows(AssertionError.class, () -> assertShows("{\"success\":true,…}", "{\"success\":false}"));
        assertThrows(AssertionError.class, () -> assertShows("first\nsecond", "second\nfirst"));
        assertShows("{\"success\":true,…\"verdict\":\"VERIFIED\"}", "{\"success\":true,\"code\":\"SUCCESS\",\"verdict\":\"VERIFIED\"}");
    }

    @Test
    void anOutputBlockBelongsToTheRunnableBlockBeforeIt() {
        List<Block> blocks = runnableBlocks("page", List.of("```sh runnable", "echo one", "```", "text", "```text output", "one",
                "```", "```sh", "not runnable", "```", "```sh runnable", "echo two", "```"));

        assertEquals(List.of(new Block("page:1", "echo one\n", Optional.of("one\n")), new Block("page:11", "echo two\n",
                Optional.empty())), blocks);
    }

    /** Runs the script with bash, as the pages' reader would, and answers what it printed; fails when it fails or overruns. */
    private static String run(String script, Path home) throws IOException, InterruptedException {
        String runnable = script.replace(JAR, launcher(home).toString()).replace(LAUNCHER, launcher(home).toString());
        if (runnable.contains(SHARED_DATA)) {
            runnable = runnable.replace(SHARED_DATA, SharedData.file("MANIFEST.md").toAbsolutePath().getParent().toString());
        }
        Path output = home.resolve("output.txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + runnable).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        bash.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        bash.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process process = bash.start();
        if (!process.waitFor(BLOCK_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("still running after " + BLOCK_LIMIT.toSeconds() + " s:\n" + script + "\n" + Files.readString(output));
        }
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), "failed:\n" + script + "\n" + printed);
        return printed;
    }

    /** {@code bin/liveness-kiosk} on this build's classes: the command line's own entry point, in a JVM of its own. */
    private static Path launcher(Path home) throws IOException {
        Path launcher = home.resolve("liveness-kiosk");
        if (!Files.exists(launcher)) {
            Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        }
        return launcher;
    }

    /** Each line of what the page shows, cut at every "…", stands in what was printed, in order. */
    private static void assertShows(String shown, String printed) {
        int at = 0;
        for (String line : shown.split("\n")) {
            for (String fragment : line.split("…")) {
                String expected = fragment.strip();
                if (expected.isEmpty()) {
                    continue;
                }
                int found = printed.indexOf(expected, at);
                if (found < 0) {
                    fail("the page shows\n" + shown + "\nbut the command printed\n" + printed + "\nwith no '" + expected + "' after the "
                            + "part matched before");
                }
                at = found + expected.length();
            }
        }
    }
}
