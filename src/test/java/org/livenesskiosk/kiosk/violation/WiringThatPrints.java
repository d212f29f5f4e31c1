package org.livenesskiosk.kiosk.violation;

/** Breaks {@code ONLY_COMMANDS_PRINT} on purpose: the kiosk's wiring printing instead of logging. */
public final class WiringThatPrints {

    public void sessionDone(String sessionId) {
        System.out.println("session " + sessionId + " done");
    }
}
