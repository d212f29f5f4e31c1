package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.protocol.UploadRequest;

/** Which frames the service re-runs: every one where a rule decides, a random sample of the rest. */
class RecheckSampleTest {

    /** Twenty seconds at 25 frames a second. */
    private static final List<Long> TIMES = LongStream.range(0, 500).map(frame -> frame * 40).boxed().toList();

    private static UploadRequest upload(List<UploadRequest.Action> actions, UploadRequest.FarNear farNear,
                                        List<LightSequence.Shown> light) {
        return new UploadRequest("s", "c", "sig", "u", "v", "p", actions, new UploadRequest.Recording(List.of(), List.of()), "",
                farNear, light);
    }

    private static List<Long> chosenTimes(UploadRequest upload, long seed) {
        return RecheckSample.of(upload, new Random(seed)).chosen(TIMES).stream().map(TIMES::get).toList();
    }

    private static List<Long> framesBetween(long fromMs, long toMs) {
        return TIMES.stream().filter(time -> time >= fromMs && time <= toMs).toList();
    }

    @Test
    void everyFrameFromBeforeTheLastActionToTheEndIsRerunAndTheRestSampled() {
        List<Long> chosen = chosenTimes(upload(List.of(new UploadRequest.Action("MOUTH", 15_000)), null, null), 1);

        assertTrue(chosen.containsAll(framesBetween(15_000 - RecheckSample.BEFORE_ACTION_MS, 20_000)));
        long quiet = chosen.stream().filter(time -> time < 15_000 - RecheckSample.BEFORE_ACTION_MS).count();
        long quietFrames = framesBetween(0, 15_000 - RecheckSample.BEFORE_ACTION_MS - 1).size();
        assertTrue(quiet > quietFrames / 8 && quiet < quietFrames / 3, quiet + " of " + quietFrames + " quiet frames re-run");
    }

    @Test
    void noGapBetweenRerunFramesIsLongerThanOneAndAHalfQuietIntervals() {
        List<Long> chosen = chosenTimes(upload(List.of(), null, null), 2);

        assertEquals(0L, chosen.get(0));
        for (int i = 1; i < chosen.size(); i++) {
            long gap = chosen.get(i) - chosen.get(i - 1);
            assertTrue(gap <= RecheckSample.QUIET_INTERVAL_MS * 3 / 2 + 40, "a gap of " + gap + " ms");
        }
    }

    @Test
    void everyFrameAroundAnEarlierActionIsRerun() {
        List<Long> chosen = chosenTimes(upload(List.of(new UploadRequest.Action("BLINK", 8_000),
                new UploadRequest.Action("MOUTH", 19_000)), null, null), 6);

        assertTrue(chosen.containsAll(framesBetween(8_000 - RecheckSample.BEFORE_ACTION_MS, 8_000 + RecheckSample.AFTER_CLAIM_MS)));
        assertTrue(framesBetween(8_000 + RecheckSample.AFTER_CLAIM_MS + 1, 19_000 - RecheckSample.BEFORE_ACTION_MS - 1).stream()
                .filter(chosen::contains).count() < 40, "the frames between the actions are sampled");
    }

    @Test
    void whichQuietFramesAreRerunCannotBeKnownInAdvance() {
        UploadRequest upload = upload(List.of(new UploadRequest.Action("BLINK", 12_000), new UploadRequest.Action("MOUTH", 19_000)),
                null, null);

        assertNotEquals(chosenTimes(upload, 3), chosenTimes(upload, 4));
    }

    @Test
    void theFarNearStageAndTheLightStepAreRerunWhole() {
        UploadRequest upload = upload(List.of(), new UploadRequest.FarNear("", 4_000, "", 7_000),
                List.of(new LightSequence.Shown(0xff0000, 16_000, 16_500)));

        List<Long> chosen = chosenTimes(upload, 5);

        assertTrue(chosen.containsAll(framesBetween(4_000 - RecheckSample.BEFORE_FAR_MS, 7_000 + RecheckSample.AFTER_CLAIM_MS)));
        assertTrue(chosen.containsAll(framesBetween(16_000 - RecheckSample.BEFORE_LIGHT_MS, 20_000)));
        assertTrue(chosen.size() < TIMES.size() * 2 / 3, chosen.size() + " of " + TIMES.size());
    }
}
