package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.LivenessError;

/**
 * How a session ended, for the result screen.
 *
 * @param error       empty when the customer passed
 * @param detail      what exactly happened, for the operator
 * @param livenessId  the service's id of a passed, delivered session
 * @param pendingUpload the kiosk's session id when a passed session waits in the outbox; {@code error} then says why
 * @param bestImage   the best face image (JPEG) of a passed session; shown, never stored by the UI
 * @param manualCheck the service verified the session but suggests a person looks at it (its score is below 50);
 *                    the customer is never told why
 * @param uploadRefused the service refused the evidence for good (it is set aside, never sent again); {@code error}
 *                    and {@code detail} say why
 */
public record KioskOutcome(Optional<LivenessError> error, String detail, Optional<String> livenessId,
                           Optional<String> pendingUpload, Optional<byte[]> bestImage, boolean manualCheck,
                           boolean uploadRefused) {

    public boolean passed() {
        return livenessId.isPresent() || pendingUpload.isPresent();
    }

    /** The customer or the operator stopped the session: not a failure. */
    public boolean cancelled() {
        return error.equals(Optional.of(LivenessError.USER_GIVE_UP));
    }

    public static KioskOutcome failed(LivenessError error, String detail) {
        return new KioskOutcome(Optional.of(error), detail, Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }
}
