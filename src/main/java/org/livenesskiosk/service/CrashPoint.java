package org.livenesskiosk.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named steps of the outbox's protocol, where a crash test stops the kiosk to kill it there
 * ({@code OutboxCrashTest}): with the system property {@value #PROPERTY} naming a step, the process
 * logs {@code STOPPED AT <step>} when it reaches that step and waits to be killed. Without the
 * property each call is a comparison and nothing else.
 */
enum CrashPoint {
    /** The session's evidence is in the outbox, nothing sent yet. */
    KEPT,
    /** The service answered with its livenessId; the outbox still holds the session. */
    ANSWERED,
    /** The outbox let the session go. */
    CLEARED;

    static final String PROPERTY = "liveness.crashTest.stopAt";
    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

    void reached() {
        if (name().equals(System.getProperty(PROPERTY))) {
            LOG.warn("STOPPED AT {}", name());
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // Only the test's SIGKILL ends this process.
                }
            }
        }
    }
}
