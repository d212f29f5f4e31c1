package org.livenesskiosk.server;

/**
 * How much the service takes on at once.
 *
 * @param concurrentChecks evidence re-checks run at the same time (they are the costly work)
 * @param busyWaitMs       how long an upload may wait for a free check before the answer is SERVICE_BUSY
 */
public record ServiceLimits(int concurrentChecks, long busyWaitMs) {

    /** One check per core, and a two-second wait. */
    public static ServiceLimits defaults() {
        return new ServiceLimits(Math.max(1, Runtime.getRuntime().availableProcessors()), 2_000);
    }
}
