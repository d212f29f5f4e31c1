package org.livenesskiosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.Models;

/**
 * A short day of traffic ({@code bench --soak}'s, docs/measurements.md): one kiosk (this JVM) sends
 * one customer after another to one service in its own process. Nothing is lost or given two
 * livenessIds, and after the first sessions neither process gains threads or open files, and
 * neither's resident memory grows by more than a first touch of its heap would.
 */
class SoakTest {

    private static final int SESSIONS = 60;
    private static final int EVERY = 20;
    /**
     * Threads a pool may start for a moment (the HTTP server's, the client's connection pool):
     * a thread kept per session would be 40 more.
     */
    private static final int THREAD_SLACK = 4;
    /** A socket or two in flight when the files are counted; one kept per session would be 40 more. */
    private static final int FILE_SLACK = 4;
    /**
     * What a process's resident memory may grow by from the sample after 20 sessions to the last:
     * the service's heap still being touched for the first time (its cap is
     * {@link ServiceProcess#SERVICE_HEAP}; in the 1,000-session run it rose 87 MB over the first 100
     * sessions, then 16 MB over the next 900; here 0 to 6 MB from 20 sessions on, 2026-12-06). A
     * leak of 1.2 MB a session would pass it.
     */
    private static final long RESIDENT_GROWTH_MB = 48;

    @Test
    void sixtySessionsLoseNothingAndLeaveNothingBehind() throws Exception {
        Soak.Figures day = Soak.run(Models.fromClasspath(), SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi"), 30,
                SESSIONS, EVERY, sample -> System.out.println("soak: " + sample));

        assertEquals(0, day.lost(), day.toString());
        assertEquals(0, day.duplicated(), day.toString());
        assertEquals(SESSIONS, day.livenessIds(), day.toString());
        assertEquals(0, day.outboxLeft(), day.toString());
        List<Soak.Sample> samples = day.samples();
        Soak.Sample warm = samples.get(1);
        Soak.Sample end = samples.get(samples.size() - 1);
        for (String process : List.of("service", "kiosk")) {
            ToLongFunction<Soak.Sample> threads = sample -> figures(sample, process).threads();
            ToLongFunction<Soak.Sample> files = sample -> figures(sample, process).openFiles();
            ToLongFunction<Soak.Sample> resident = sample -> figures(sample, process).residentMb();
            assertTrue(threads.applyAsLong(end) <= threads.applyAsLong(warm) + THREAD_SLACK, process + " threads: " + samples);
            assertTrue(files.applyAsLong(end) <= files.applyAsLong(warm) + FILE_SLACK, process + " open files: " + samples);
            assertTrue(resident.applyAsLong(end) <= resident.applyAsLong(warm) + RESIDENT_GROWTH_MB,
                    process + " resident memory: " + samples);
        }
    }

    private static ProcessProbe.Figures figures(Soak.Sample sample, String process) {
        return process.equals("service") ? sample.service() : sample.kiosk();
    }
}
