package org.livenesskiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * The kiosk's session thread delivers and deletes a session while its retry thread lists and
 * reads the outbox: the reader must take a file gone since its listing as delivered, not fail the
 * round (the fleet run that died on a vanished {@code .upload}).
 */
class OutboxRaceTest {

    private static final int SESSIONS = 400;

    @TempDir
    Path folder;

    private static UploadRequest session(int i) {
        return new UploadRequest("session-" + i, "challenge", null, null, "0.1.0", "kiosk", List.of(),
                new UploadRequest.Recording(List.of(0L), List.of("frame".repeat(2_000))), null);
    }

    @Test
    void aSessionDeliveredWhileTheRetryReadsTheOutboxIsNoError() throws Exception {
        Outbox outbox = Outbox.open(folder);
        AtomicBoolean delivering = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> sessions = threads.submit(() -> {
                try {
                    for (int i = 0; i < SESSIONS; i++) {
                        outbox.put(session(i));
                        outbox.acknowledge("session-" + i);
                    }
                } finally {
                    delivering.set(false);
                }
                return null;
            });
            Future<Integer> rounds = threads.submit(() -> {
                int read = 0;
                while (delivering.get()) {
                    outbox.pending();
                    outbox.waiting();
                    read++;
                }
                return read;
            });
            sessions.get(60, TimeUnit.SECONDS);
            assertTrue(rounds.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(), outbox.waiting());
    }

    @Test
    void aHalfWrittenEntryACrashLeftIsGoneWhenTheKioskStartsAgain() throws Exception {
        Outbox.open(folder).put(session(2));
        Files.write(folder.resolve("session-3.upload.tmp"), new byte[] {1, 2, 3});

        Outbox restarted = Outbox.open(folder);

        assertEquals(List.of("session-2"), restarted.waiting().stream().map(Outbox.Waiting::sessionId).toList());
        assertTrue(Files.notExists(folder.resolve("session-3.upload.tmp")));
    }

    @Test
    void aRefusalArrivingAfterAnotherAttemptDeliveredTheSessionKeepsNothing() throws Exception {
        Outbox outbox = Outbox.open(folder);
        outbox.put(session(1));
        outbox.acknowledge("session-1");

        outbox.reject("session-1");

        assertEquals(List.of(), outbox.waiting());
        List<Path> rejected = new ArrayList<>();
        if (Files.isDirectory(folder.resolve("rejected"))) {
            try (var listing = Files.list(folder.resolve("rejected"))) {
                listing.forEach(rejected::add);
            }
        }
        assertEquals(List.of(), rejected, "a delivered session is not kept as refused");
    }
}
