package org.livenesskiosk.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * Which frames of a recording the service re-runs. Every frame where a rule decides: around each
 * claimed action (the person's neutral face before it, the action, its end), from the last one to
 * the end (the best image), across the far/near stage, and the light step with the room's light
 * before it. Elsewhere — the customer finding the
 * oval, waiting to be asked, the seconds before they act — about one frame in
 * {@link #QUIET_INTERVAL_MS}, each drawn at random, which is what the preparation, the identity and
 * the replay fingerprints need there.
 *
 * <p>An attacker gains nothing from the sample. The claims only say where to look closely: what
 * decides is what the re-run finds there, so a claim put elsewhere than the action makes the re-run
 * miss it and the session fail. A frame that is not drawn decides nothing, no gap between drawn
 * frames is longer than 1.5 × {@value #QUIET_INTERVAL_MS} ms, and where they fall cannot be known in
 * advance: the identity check ({@link SamePerson}) embeds the first drawn frame at or after each of
 * its own random draws, so a stretch of someone else is found as before.
 */
final class RecheckSample {

    /** Outside the rules' own moments, one frame in about this many milliseconds (5 a second, as the preparation needs). */
    static final long QUIET_INTERVAL_MS = 200;
    /**
     * Before a claimed action's end, every frame this far back: the action itself (a blink in 0.7 s,
     * a mouth or a turn in a second or two) and the two seconds of neutral face its detector learns
     * first ({@code ActionDetector}'s baseline).
     */
    static final long BEFORE_ACTION_MS = 4_000;
    /** After a claimed moment, every frame this long: the kiosk's claim may be a frame early, and the action ends there. */
    static final long AFTER_CLAIM_MS = 300;
    /** Before the far/near stage's far end, every frame this long: the stage's hold at that size and the approach to it. */
    static final long BEFORE_FAR_MS = 1_000;
    /** Before the light step's first colour, every frame this long: the room's light the colours are measured against. */
    static final long BEFORE_LIGHT_MS = 1_000;

    private final List<long[]> fullCare;
    private final Random random;

    private RecheckSample(List<long[]> fullCare, Random random) {
        this.fullCare = fullCare;
        this.random = random;
    }

    /** The sample of an upload: its claims say where every frame is re-run; the random source draws the rest. */
    static RecheckSample of(UploadRequest upload, Random random) {
        List<long[]> fullCare = new ArrayList<>();
        List<Long> claimed = upload.actions() == null ? List.of()
                : upload.actions().stream().filter(action -> action != null).map(UploadRequest.Action::atMs).toList();
        for (long atMs : claimed) {
            fullCare.add(new long[] {atMs - BEFORE_ACTION_MS, atMs + AFTER_CLAIM_MS});
        }
        // The best image: the session takes it from the frames after the last action when none before was good enough.
        claimed.stream().max(Long::compare).ifPresent(lastMs -> fullCare.add(new long[] {lastMs, Long.MAX_VALUE}));
        UploadRequest.FarNear stage = upload.farNear();
        if (stage != null) {
            fullCare.add(new long[] {Math.min(stage.farAtMs(), stage.nearAtMs()) - BEFORE_FAR_MS,
                    Math.max(stage.farAtMs(), stage.nearAtMs()) + AFTER_CLAIM_MS});
        }
        List<LightSequence.Shown> light = upload.light();
        if (light != null && !light.isEmpty()) {
            fullCare.add(new long[] {light.get(0).fromMs() - BEFORE_LIGHT_MS, Long.MAX_VALUE});
        }
        return new RecheckSample(fullCare, random);
    }

    /**
     * The indexes of the frames to re-run, rising, from the frames' times (rising): every frame in
     * full care, and elsewhere the first frame after a gap drawn between half and one and a half
     * {@link #QUIET_INTERVAL_MS}.
     */
    List<Integer> chosen(List<Long> timesMs) {
        List<Integer> chosen = new ArrayList<>();
        long nextQuietMs = Long.MIN_VALUE;
        for (int i = 0; i < timesMs.size(); i++) {
            long timeMs = timesMs.get(i);
            if (inFullCare(timeMs) || timeMs >= nextQuietMs) {
                chosen.add(i);
                nextQuietMs = timeMs + QUIET_INTERVAL_MS / 2 + random.nextLong(QUIET_INTERVAL_MS + 1);
            }
        }
        return chosen;
    }

    private boolean inFullCare(long timeMs) {
        for (long[] span : fullCare) {
            if (timeMs >= span[0] && timeMs <= span[1]) {
                return true;
            }
        }
        return false;
    }
}
