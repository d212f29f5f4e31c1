package org.livenesskiosk.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.livenesskiosk.liveness.LightSequence;

/**
 * Where in a session's recording the rules decide, from what its upload claims: before each
 * action's end (the person's neutral face, then the action), from the last action to the end (the
 * best image), across the far/near stage, and the light step with the room's light before it. The
 * kiosk sends every frame there and one in {@link #QUIET_INTERVAL_MS} elsewhere; the service
 * re-runs every frame there and a random sample elsewhere. A claim put anywhere but at its action
 * only makes the service look closely at the wrong place, and miss the action.
 */
public final class DecisiveSpans {

    /**
     * Outside the spans, the kiosk sends one frame in this many milliseconds (5 a second): enough
     * for the preparation (the customer held ready for half a second), the identity and the replay
     * fingerprints, which is all those frames are for.
     */
    public static final long QUIET_INTERVAL_MS = 200;
    /**
     * Before a claimed action's end, every frame this far back: the action itself (a blink in 0.7 s,
     * a mouth or a turn in a second or two) and the two seconds of neutral face its detector learns
     * first ({@code ActionDetector}'s baseline).
     */
    static final long BEFORE_ACTION_MS = 4_000;
    /** After a claimed moment, every frame this long: a claim may be a frame early, and the action ends there. */
    static final long AFTER_CLAIM_MS = 300;
    /** Before the far/near stage's far end, every frame this long: the stage's hold at that size and the approach to it. */
    static final long BEFORE_FAR_MS = 1_000;
    /** Before the light step's first colour, every frame this long: the room's light the colours are measured against. */
    static final long BEFORE_LIGHT_MS = 1_000;

    private record Span(long fromMs, long toMs) {
    }

    private final List<Span> spans;

    private DecisiveSpans(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    /** The spans of an upload's claims (any of them may be null: a claim the upload lacks marks nothing). */
    public static DecisiveSpans of(List<UploadRequest.Action> actions, UploadRequest.FarNear farNear, List<LightSequence.Shown> light) {
        List<Span> spans = new ArrayList<>();
        List<Long> claimed = actions == null ? List.of()
                : actions.stream().filter(action -> action != null).map(UploadRequest.Action::atMs).toList();
        for (long atMs : claimed) {
            spans.add(new Span(atMs - BEFORE_ACTION_MS, atMs + AFTER_CLAIM_MS));
        }
        // The best image: the session takes it from the frames after the last action when none before was good enough.
        claimed.stream().max(Long::compare).ifPresent(lastMs -> spans.add(new Span(lastMs, Long.MAX_VALUE)));
        if (farNear != null) {
            spans.add(new Span(Math.min(farNear.farAtMs(), farNear.nearAtMs()) - BEFORE_FAR_MS,
                    Math.max(farNear.farAtMs(), farNear.nearAtMs()) + AFTER_CLAIM_MS));
        }
        if (light != null && !light.isEmpty() && light.get(0) != null) {
            spans.add(new Span(light.get(0).fromMs() - BEFORE_LIGHT_MS, Long.MAX_VALUE));
        }
        return new DecisiveSpans(spans);
    }

    /** Whether a rule decides at this time of the recording. */
    public boolean contains(long timeMs) {
        return spans.stream().anyMatch(span -> timeMs >= span.fromMs() && timeMs <= span.toMs());
    }

    /**
     * The indexes of the frames a kiosk sends, rising, from the frames' times (rising): every frame
     * in a span, and elsewhere the first one at least {@link #QUIET_INTERVAL_MS} after the last sent.
     */
    public List<Integer> sent(List<Long> timesMs) {
        return chosen(timesMs, () -> QUIET_INTERVAL_MS);
    }

    /**
     * The indexes of the frames to take, rising, from the frames' times (rising): every frame in a
     * span, and elsewhere the first one at least {@code quietGapMs} (asked anew after each frame
     * taken) after the last taken.
     */
    public List<Integer> chosen(List<Long> timesMs, LongSupplier quietGapMs) {
        List<Integer> chosen = new ArrayList<>();
        long nextQuietMs = Long.MIN_VALUE;
        for (int i = 0; i < timesMs.size(); i++) {
            long timeMs = timesMs.get(i);
            if (contains(timeMs) || timeMs >= nextQuietMs) {
                chosen.add(i);
                nextQuietMs = timeMs + quietGapMs.getAsLong();
            }
        }
        return chosen;
    }
}
