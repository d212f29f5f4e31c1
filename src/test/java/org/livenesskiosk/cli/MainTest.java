package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void printsTheBuiltVersion() {
        CommandLineRun run = CommandLineRun.of("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("Liveness Kiosk \\d+\\.\\d+\\.\\d+\\R"), run.out());
    }

    @Test
    void helpListsEveryCommand() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("analyze") && run.out().contains("bench"), run.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("fly");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("fly"), run.err());
    }
}
