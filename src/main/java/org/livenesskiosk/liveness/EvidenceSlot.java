package org.livenesskiosk.liveness;

import java.util.Locale;

/**
 * A frame the session wants kept as evidence: the best image, the face at the far and at the near
 * end of the far/near stage, the neutral face at the start of the actions, and each action at its
 * fullest. The session names the slot; whoever holds the
 * pixels keeps a copy of that frame, replacing the slot's previous one.
 */
public record EvidenceSlot(String name) {

    public static final EvidenceSlot BEST = new EvidenceSlot("best");
    public static final EvidenceSlot NEUTRAL = new EvidenceSlot("neutral");
    public static final EvidenceSlot FAR = new EvidenceSlot("far");
    public static final EvidenceSlot NEAR = new EvidenceSlot("near");

    public static EvidenceSlot peakOf(ActionType action) {
        return new EvidenceSlot(action.name().toLowerCase(Locale.ROOT));
    }
}
