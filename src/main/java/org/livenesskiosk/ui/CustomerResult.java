package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.Prompt;

/**
 * What the customer is told when a session ends, as a plain class the result screen only follows:
 * a plain outcome, at most one tip for a cause they can fix themselves, and "Try again" only where
 * trying again can help and only so many times; never a code, a detail or a score, which are the
 * operator's ({@link KioskOutcome}, the console's history).
 *
 * @param outcome what the customer is told happened
 * @param tip     what to do differently next time, worded as the prompt that asks for it (so it can be spoken)
 * @param retry   whether "Try again" is offered
 */
record CustomerResult(Outcome outcome, Optional<Prompt> tip, boolean retry) {

    /** The outcomes a customer can be told, each one title. */
    enum Outcome {
        VERIFIED(UiText.RESULT_SUCCESS_TITLE),
        /** Passed here, the evidence waits in the outbox: the customer keeps the reference. */
        SAVED(UiText.RESULT_SUCCESS_TITLE),
        /** The service verified the session but a person should look: neutral, never "failed". */
        STAFF_WILL_COMPLETE(UiText.RESULT_MANUAL_CHECK),
        /** The customer (or the operator) cancelled: not a failure. */
        STOPPED(UiText.RESULT_STOPPED),
        /** Something the customer can fix went wrong: with a tip, and a retry while any are left. */
        NOT_THIS_TIME(UiText.RESULT_FAILURE_TITLE),
        /** The kiosk or its service cannot check anyone now: nothing the customer does helps. */
        KIOSK_UNAVAILABLE(UiText.RESULT_KIOSK_UNAVAILABLE);

        private final UiText title;

        Outcome(UiText title) {
            this.title = title;
        }

        UiText title() {
            return title;
        }
    }

    /**
     * @param failedTries the customer's failed sessions since they started at the welcome screen, this one included
     * @param retries     how many times a customer may try again after a failure (the console's setting)
     */
    static CustomerResult of(KioskOutcome session, int failedTries, int retries) {
        if (session.passed()) {
            Outcome passed = session.pendingUpload().isPresent() ? Outcome.SAVED
                    : session.manualCheck() ? Outcome.STAFF_WILL_COMPLETE : Outcome.VERIFIED;
            return new CustomerResult(passed, Optional.empty(), false);
        }
        LivenessError error = session.error().orElseThrow();
        if (session.cancelled()) {
            return new CustomerResult(Outcome.STOPPED, Optional.empty(), true);
        }
        if (session.uploadRefused()) {
            return new CustomerResult(Outcome.KIOSK_UNAVAILABLE, Optional.empty(), false);
        }
        if (!theCustomerCanFix(error)) {
            return new CustomerResult(Outcome.KIOSK_UNAVAILABLE, Optional.empty(), false);
        }
        return new CustomerResult(Outcome.NOT_THIS_TIME, tip(error), failedTries <= retries);
    }

    /** Whether the customer is sent to a member of staff: no retry is left, or none would help. */
    boolean askStaff() {
        return !retry && (outcome == Outcome.NOT_THIS_TIME || outcome == Outcome.KIOSK_UNAVAILABLE);
    }

    /** The failures the customer caused and can avoid next time; the rest are the kiosk's or the service's. */
    private static boolean theCustomerCanFix(LivenessError error) {
        return tip(error).isPresent() || error == LivenessError.ACTION_TIMEOUT;
    }

    /** What to do differently, as the prompt that asks for it (an action not seen in time: trying again is the tip). */
    private static Optional<Prompt> tip(LivenessError error) {
        return Optional.ofNullable(switch (error) {
            case WEAK_LIGHT -> Prompt.MORE_LIGHT;
            case STRONG_LIGHT -> Prompt.LESS_LIGHT;
            case FACE_MISSING -> Prompt.LOOK_AT_CAMERA;
            case PREPARE_TIMEOUT -> Prompt.CENTER_FACE;
            case MULTIPLE_FACE -> Prompt.ONLY_ONE_PERSON;
            case MUCH_MOTION, NO_UPLOAD_IMAGE -> Prompt.HOLD_STILL;
            default -> null;
        });
    }
}
