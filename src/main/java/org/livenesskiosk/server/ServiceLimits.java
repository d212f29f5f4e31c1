package org.livenesskiosk.server;

/**
 * How much the service takes on at once.
 *
 * @param concurrentChecks evidence re-checks run at the same time (they are the costly work)
 * @param busyWaitMs       how long an upload may wait for a free check before the answer is SERVICE_BUSY
 * @param lockoutMs        how long a kiosk device is refused after {@link #MAX_FAILURES} failed uploads
 *                         within {@link #FAILURE_WINDOW_MS}
 */
public record ServiceLimits(int concurrentChecks, long busyWaitMs, long lockoutMs) {

    /** As peers recommend: five failures within three minutes lock a device out. */
    public static final int MAX_FAILURES = 5;
    public static final long FAILURE_WINDOW_MS = 180_000;

    /** One check per core, a two-second wait, a five-minute lock-out. */
    public static ServiceLimits defaults() {
        return new ServiceLimits(Math.max(1, Runtime.getRuntime().availableProcessors()), 2_000, 300_000);
    }
}
