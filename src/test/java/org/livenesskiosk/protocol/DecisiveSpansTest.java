package org.livenesskiosk.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.LightSequence;

/** Where a session's rules decide, and which frames a kiosk sends: every one there, five a second elsewhere. */
class DecisiveSpansTest {

    /** Twenty seconds at 25 frames a second. */
    private static final List<Long> TIMES = LongStream.range(0, 500).map(frame -> frame * 40).boxed().toList();

    private static List<Long> framesBetween(long fromMs, long toMs) {
        return TIMES.stream().filter(time -> time >= fromMs && time <= toMs).toList();
    }

    private static List<Long> sentTimes(DecisiveSpans spans) {
        return spans.sent(TIMES).stream().map(TIMES::get).toList();
    }

    @Test
    void everyFrameBeforeAnActionsEndAndFromTheLastActionOnIsInASpan() {
        DecisiveSpans spans = DecisiveSpans.of(List.of(new UploadRequest.Action("BLINK", 8_000),
                new UploadRequest.Action("MOUTH", 15_000)), null, null);

        assertTrue(framesBetween(8_000 - DecisiveSpans.BEFORE_ACTION_MS, 8_000 + DecisiveSpans.AFTER_CLAIM_MS).stream()
                .allMatch(spans::contains));
        assertTrue(framesBetween(15_000 - DecisiveSpans.BEFORE_ACTION_MS, 20_000).stream().allMatch(spans::contains));
        assertFalse(spans.contains(8_000 - DecisiveSpans.BEFORE_ACTION_MS - 1));
        assertFalse(spans.contains(8_000 + DecisiveSpans.AFTER_CLAIM_MS + 1));
        assertFalse(spans.contains(15_000 - DecisiveSpans.BEFORE_ACTION_MS - 1));
    }

    @Test
    void theFarNearStageAndTheLightStepAreSpansWhole() {
        DecisiveSpans spans = DecisiveSpans.of(List.of(), new UploadRequest.FarNear("", 4_000, "", 7_000),
                List.of(new LightSequence.Shown(0xff0000, 16_000, 16_500)));

        assertTrue(framesBetween(4_000 - DecisiveSpans.BEFORE_FAR_MS, 7_000 + DecisiveSpans.AFTER_CLAIM_MS).stream()
                .allMatch(spans::contains));
        assertTrue(framesBetween(16_000 - DecisiveSpans.BEFORE_LIGHT_MS, 20_000).stream().allMatch(spans::contains));
        assertFalse(spans.contains(4_000 - DecisiveSpans.BEFORE_FAR_MS - 1));
        assertFalse(spans.contains(10_000));
    }

    @Test
    void anUploadWithoutClaimsHasNoSpan() {
        DecisiveSpans spans = DecisiveSpans.of(null, null, null);

        assertTrue(TIMES.stream().noneMatch(spans::contains));
    }

    @Test
    void aKioskSendsEveryFrameOfASpanAndFiveASecondElsewhere() {
        DecisiveSpans spans = DecisiveSpans.of(List.of(new UploadRequest.Action("MOUTH", 15_000)), null, null);

        List<Long> sent = sentTimes(spans);

        assertTrue(sent.containsAll(framesBetween(15_000 - DecisiveSpans.BEFORE_ACTION_MS, 20_000)));
        List<Long> quiet = sent.stream().filter(time -> !spans.contains(time)).toList();
        assertEquals(0L, quiet.get(0));
        for (int i = 1; i < quiet.size(); i++) {
            assertEquals(DecisiveSpans.QUIET_INTERVAL_MS, quiet.get(i) - quiet.get(i - 1));
        }
        assertEquals(framesBetween(0, 15_000 - DecisiveSpans.BEFORE_ACTION_MS - 1).size() / 5, quiet.size());
    }
}
