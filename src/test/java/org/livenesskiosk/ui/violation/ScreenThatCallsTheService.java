package org.livenesskiosk.ui.violation;

import org.livenesskiosk.service.LivenessClient;

/** Breaks {@code SCREENS_REACH_NO_SERVICE} on purpose: a screen calling the service itself. */
public final class ScreenThatCallsTheService {

    public String license(LivenessClient client) throws Exception {
        return client.authLicense("token", 60, "app");
    }
}
