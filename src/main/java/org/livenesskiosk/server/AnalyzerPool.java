package org.livenesskiosk.server;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

import io.micrometer.core.instrument.Timer;

/**
 * The service's vision analysers, each with its face embedder: at most a fixed number, each loaded
 * once when first needed and lent to one check at a time. Their number is the number of checks that run at once, so memory
 * stays flat however many kiosks upload together; a check that finds none free within the busy
 * wait is told to come back.
 */
final class AnalyzerPool {

    private final Models models;
    private final Timer embeddings;
    private final Semaphore permits;
    private final Queue<Vision> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean loaded;

    AnalyzerPool(Models models, int size, Timer embeddings) {
        this.models = models;
        this.embeddings = embeddings;
        this.permits = new Semaphore(size, true);
    }

    /** Loads the first analyser before any kiosk needs it: until then the node is not ready. */
    void warmUp() {
        withAnalyzer(Long.MAX_VALUE, analyzer -> loaded = true);
    }

    /** Whether an analyser, and so every model, is loaded. */
    boolean loaded() {
        return loaded;
    }

    /**
     * Runs {@code check} with an analyser of its own, waiting for one at most {@code waitMs}.
     *
     * @throws ServiceException {@code SERVICE_BUSY} when none became free in time
     */
    <T> T withAnalyzer(long waitMs, Function<Vision, T> check) {
        try {
            if (!permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw KioskRoutes.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("SERVICE_BUSY", "The service is shutting down");
        }
        Vision vision = null;
        try {
            vision = idle.poll();
            if (vision == null) {
                vision = new Vision(new FrameAnalyzer(models), new FaceEmbedder(models), embeddings);
            }
            vision.analyzer().reset();
            return check.apply(vision);
        } finally {
            if (vision != null) {
                idle.add(vision);
            }
            permits.release();
        }
    }
}
