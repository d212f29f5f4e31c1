package org.livenesskiosk.server;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * The service's vision analysers: at most a fixed number, each loaded once when first needed and
 * lent to one check at a time. Their number is the number of checks that run at once, so memory
 * stays flat however many kiosks upload together; a check that finds none free within the busy
 * wait is told to come back.
 */
final class AnalyzerPool {

    private final Models models;
    private final Semaphore permits;
    private final Queue<FrameAnalyzer> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean loaded;

    AnalyzerPool(Models models, int size) {
        this.models = models;
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
    <T> T withAnalyzer(long waitMs, Function<FrameAnalyzer, T> check) {
        try {
            if (!permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw KioskRoutes.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("SERVICE_BUSY", "The service is shutting down");
        }
        FrameAnalyzer analyzer = null;
        try {
            analyzer = idle.poll();
            if (analyzer == null) {
                analyzer = new FrameAnalyzer(models);
            }
            analyzer.reset();
            return check.apply(analyzer);
        } finally {
            if (analyzer != null) {
                idle.add(analyzer);
            }
            permits.release();
        }
    }
}
