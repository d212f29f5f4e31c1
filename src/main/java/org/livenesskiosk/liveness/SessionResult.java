package org.livenesskiosk.liveness;

import java.util.List;
import java.util.Optional;

/**
 * How a session ended: success, or the one error code that tells the operator what went wrong.
 *
 * @param error      empty on success
 * @param detail     what exactly happened, for the operator and the log (never biometric data)
 * @param actions    the actions seen, in the order asked
 * @param traces     each action's metric over its attempt
 * @param durationMs from the first frame to the end
 * @param passive    what the passive checks measured (texture, flatness) until the end
 * @param farNear    the far/near stage, when it was asked for and completed
 * @param light      the light step, when the session reached it
 */
public record SessionResult(Optional<LivenessError> error, String detail, List<ActionRecord> actions,
                            List<MetricTrace> traces, long durationMs, PassiveCues passive, Optional<FarNearResult> farNear,
                            Optional<LightStep> light) {

    /**
     * The light step as it ran: when it began, and what the screen showed, as the kiosk reports it
     * (empty when it showed nothing: no screen, or the colours could not be had from the service).
     */
    public record LightStep(long fromMs, List<LightSequence.Shown> shown) {
        public LightStep {
            shown = List.copyOf(shown);
        }
    }

    public SessionResult {
        actions = List.copyOf(actions);
        traces = List.copyOf(traces);
    }

    public boolean success() {
        return error.isEmpty();
    }

    /** The passive checks' verdict on the face: live, uncertain (a person should look) or a presentation attack. */
    public PassiveVerdict passiveVerdict() {
        return PassiveVerdict.of(passive);
    }

    /** {@code SUCCESS} or the error code. */
    public String code() {
        return error.map(LivenessError::name).orElse("SUCCESS");
    }
}
