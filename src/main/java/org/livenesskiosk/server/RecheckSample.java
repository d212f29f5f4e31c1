package org.livenesskiosk.server;

import java.util.List;
import java.util.Random;

import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * Which frames of a recording the service re-runs: every frame where a rule decides
 * ({@link DecisiveSpans}), and elsewhere — the customer finding the oval, waiting to be asked, the
 * seconds before they act — one frame after each gap drawn at random between half and one
 * {@link DecisiveSpans#QUIET_INTERVAL_MS}, which is what the preparation, the identity and the replay
 * fingerprints need there. A genuine kiosk sends one frame in that interval there, so all of them
 * are re-run; a recording sent at a higher rate costs the service no more.
 *
 * <p>An attacker gains nothing from the sample. The claims only say where to look closely: what
 * decides is what the re-run finds there, so a claim put elsewhere than the action makes the re-run
 * miss it and the session fail. A frame that is not drawn decides nothing, no gap between drawn
 * frames is longer than the interval and a frame, and where they fall cannot be known in advance:
 * the identity check ({@link SamePerson}) embeds the first drawn frame at or after each of its own
 * random draws, so a stretch of someone else is found as before.
 */
final class RecheckSample {

    private final DecisiveSpans spans;
    private final Random random;

    private RecheckSample(DecisiveSpans spans, Random random) {
        this.spans = spans;
        this.random = random;
    }

    /** The sample of an upload: its claims say where every frame is re-run; the random source draws the rest. */
    static RecheckSample of(UploadRequest upload, Random random) {
        return new RecheckSample(DecisiveSpans.of(upload.actions(), upload.farNear(), upload.light()), random);
    }

    /** The indexes of the frames to re-run, rising, from the frames' times (rising). */
    List<Integer> chosen(List<Long> timesMs) {
        long interval = DecisiveSpans.QUIET_INTERVAL_MS;
        return spans.chosen(timesMs, () -> interval / 2 + random.nextLong(interval / 2 + 1));
    }
}
