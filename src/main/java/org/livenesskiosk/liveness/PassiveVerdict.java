package org.livenesskiosk.liveness;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.livenesskiosk.liveness.PassiveCues.Reading;

/**
 * The passive checks' verdict on a session, fused from every cue's reading: one cue that sees an
 * attack makes it an attack (the service scores it 0, attack type 1, presentation); a texture
 * that was not measured well enough, or any cue unsure, makes it uncertain (a score below 50: a
 * person looks, the customer is not failed outright); otherwise live. The texture is the one cue
 * every session can have, so without it nothing is live; the shape cue needs a head turn or nod,
 * and is simply absent from a session that asked for neither.
 */
public enum PassiveVerdict {
    LIVE, UNCERTAIN, ATTACK;

    public static PassiveVerdict of(PassiveCues cues) {
        if (cues.readings().containsValue(Reading.ATTACK)) {
            return ATTACK;
        }
        if (cues.textureReading() != Reading.LIVE || cues.readings().containsValue(Reading.UNSURE)) {
            return UNCERTAIN;
        }
        return LIVE;
    }

    /**
     * Why, in a few words for an auditor (at most 40 characters): {@code PRESENTATION_} and the
     * cues that saw an attack, or {@code UNSURE_} and the cues that were not live; empty when live.
     */
    public static Optional<String> reason(PassiveCues cues) {
        PassiveVerdict verdict = of(cues);
        if (verdict == LIVE) {
            return Optional.empty();
        }
        String prefix = verdict == ATTACK ? "PRESENTATION_" : "UNSURE_";
        Predicate<Map.Entry<String, Reading>> telling = verdict == ATTACK
                ? reading -> reading.getValue() == Reading.ATTACK
                : reading -> reading.getValue() == Reading.UNSURE
                        || reading.getKey().equals(PassiveCues.TEXTURE) && reading.getValue() == Reading.ABSENT;
        String named = cues.readings().entrySet().stream().filter(telling).map(Map.Entry::getKey)
                .collect(Collectors.joining("_"));
        return Optional.of(prefix + named);
    }
}
