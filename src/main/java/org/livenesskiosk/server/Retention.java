package org.livenesskiosk.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the biometric part of a result no longer than the bank's retention: once a result is older,
 * its images are deleted, and what remains is its livenessId, score, verdict's attack type and
 * times — what an auditor needs, nothing of the face — and, until the replay window ends, its
 * one-way fingerprints (see {@code Fingerprints}). Runs at start and
 * every hour on every node of a fleet; each run does the same deletion, so nodes never disagree.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final long EVERY_MS = 3_600_000;

    private final Store store;
    private final Duration keep;
    private final ScheduledExecutorService runs = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "retention");
        thread.setDaemon(true);
        return thread;
    });

    Retention(Store store, Duration keep) {
        this.store = store;
        this.keep = keep;
    }

    /** How long a result keeps its images: what the kiosks' consent states. */
    Duration keep() {
        return keep;
    }

    /** @return how many results lost their images */
    int apply(long now) {
        return store.forgetFacesBefore(now - keep.toMillis());
    }

    void start() {
        runs.scheduleWithFixedDelay(() -> {
            try {
                int forgotten = apply(System.currentTimeMillis());
                if (forgotten > 0) {
                    LOG.info("Retention: the images of {} results older than {} days deleted", forgotten,
                            keep.toDays());
                }
            } catch (RuntimeException e) {
                LOG.warn("Retention could not run, trying again in an hour: {}", e.getMessage());
            }
        }, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        runs.shutdownNow();
    }
}
