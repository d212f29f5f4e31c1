package org.livenesskiosk.liveness;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.livenesskiosk.vision.FaceObservation;

/**
 * What the session made of one frame, for the UI and for whoever keeps the evidence.
 *
 * @param step        the action being asked for, from 1; 0 while preparing
 * @param steps       how many actions the session asks for
 * @param action      the action being asked for
 * @param prompt      what to tell the customer now; empty once finished
 * @param remainingMs time left for the preparation or the current action
 * @param face        the customer's face in this frame, to draw the guide around
 * @param keep        the evidence slots this frame should be kept in
 * @param result      the result, once finished
 * @param targetFaceSize during the far/near stage, the face width over frame width the customer
 *                       should reach now (the oval's size); empty otherwise
 * @param zone        where the session wants the face now, by the rule it judges it: the oval judges by the same
 */
public record SessionUpdate(SessionState state, int step, int steps, Optional<ActionType> action, Optional<Prompt> prompt,
                            long remainingMs, Optional<FaceObservation> face, List<EvidenceSlot> keep,
                            Optional<SessionResult> result, OptionalDouble targetFaceSize,
                            FaceZone zone) {

    public SessionUpdate {
        keep = List.copyOf(keep);
    }

    /** Where the customer's face lies in this frame, for the oval. */
    public Optional<FacePlacement> facePlacement() {
        return face.map(observed -> FacePlacement.of(observed.metrics()));
    }
}
