package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.UploadRequest;

/** Which frames the service re-runs: every one where a rule decides, a random sample of the rest. */
class RecheckSampleTest {

    /** Twenty seconds at 25 frames a second, as a kiosk that sends every frame would. */
    private static final List<Long> TIMES = LongStream.range(0, 500).map(frame -> frame * 40).boxed().toList();
    private static final List<UploadRequest.Action> MOUTH_AT_15_S = List.of(new UploadRequest.Action("MOUTH", 15_000));

    private static UploadRequest upload(List<UploadRequest.Action> actions) {
        return new UploadRequest("s", "c", "sig", "u", "v", "p", actions, new UploadRequest.Recording(List.of(), List.of()), "");
    }

    private static List<Long> chosenTimes(List<Long> times, List<UploadRequest.Action> actions, long seed) {
        return RecheckSample.of(upload(actions), new Random(seed)).chosen(times).stream().map(times::get).toList();
    }

    @Test
    void everyFrameOfASpanIsRerunAndAboutOneInFourOfTheRest() {
        DecisiveSpans spans = DecisiveSpans.of(MOUTH_AT_15_S, null, null);

        List<Long> chosen = chosenTimes(TIMES, MOUTH_AT_15_S, 1);

        assertTrue(chosen.containsAll(TIMES.stream().filter(spans::contains).toList()));
        long quietChosen = chosen.stream().filter(time -> !spans.contains(time)).count();
        long quiet = TIMES.stream().filter(time -> !spans.contains(time)).count();
        assertTrue(quietChosen > quiet / 6 && quietChosen < quiet / 3, quietChosen + " of " + quiet + " quiet frames re-run");
    }

    @Test
    void noGapBetweenRerunFramesIsLongerThanTheQuietIntervalAndAFrame() {
        List<Long> chosen = chosenTimes(TIMES, List.of(), 2);

        assertEquals(0L, chosen.get(0));
        for (int i = 1; i < chosen.size(); i++) {
            long gap = chosen.get(i) - chosen.get(i - 1);
            assertTrue(gap <= DecisiveSpans.QUIET_INTERVAL_MS + 40, "a gap of " + gap + " ms");
        }
    }

    @Test
    void whichQuietFramesAreRerunCannotBeKnownInAdvance() {
        assertNotEquals(chosenTimes(TIMES, MOUTH_AT_15_S, 3), chosenTimes(TIMES, MOUTH_AT_15_S, 4));
    }

    @Test
    void everyFrameAGenuineKioskSendsIsRerun() {
        DecisiveSpans spans = DecisiveSpans.of(MOUTH_AT_15_S, null, null);
        List<Long> sent = spans.sent(TIMES).stream().map(TIMES::get).toList();

        for (long seed = 0; seed < 20; seed++) {
            assertEquals(IntStream.range(0, sent.size()).boxed().toList(),
                    RecheckSample.of(upload(MOUTH_AT_15_S), new Random(seed)).chosen(sent), "seed " + seed);
        }
    }
}
