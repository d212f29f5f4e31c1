package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livenesskiosk.liveness.LightSequence;

/** The light step's timing, fed a display's pulses as numbers: no display, no clock. */
class LightPlayerTest {

    /** One refresh of a 60 Hz display, in nanoseconds. */
    private static final long FRAME_NANOS = 1_000_000_000L / 60;
    /** Within one refresh, in the timeline's whole milliseconds (a refresh is 16.7 ms; each end rounds down). */
    private static final long ONE_FRAME_MS = 17;
    /** A monotonic clock far from zero, and a session whose time runs 12 s behind it. */
    private static final long START_NANOS = 987_654_321_000L;
    private static final LongUnaryOperator SESSION_MS = nanos -> nanos / 1_000_000 - 12_000;

    private final List<List<LightSequence.Shown>> told = new ArrayList<>();

    /** Pulses every {@code frameNanos} from the start until the player has shown it all; the colour of each pulse. */
    private List<OptionalInt> play(LightPlayer player, long frameNanos) {
        List<OptionalInt> shown = new ArrayList<>();
        for (long now = START_NANOS; player.playing(); now += frameNanos) {
            shown.add(player.pulse(now));
        }
        return shown;
    }

    @ParameterizedTest(name = "sequence drawn with seed {0}")
    @ValueSource(longs = {1, 2, 3, 24, 2024})
    void theTimelineIsTheSequenceWithinOneRefresh(long seed) {
        LightSequence sequence = LightSequence.draw(new SplittableRandom(seed));
        play(new LightPlayer(sequence, SESSION_MS, told::add), FRAME_NANOS);

        assertEquals(1, told.size(), "told once");
        List<LightSequence.Shown> timeline = told.get(0);
        assertTrue(sequence.shownAs(timeline, ONE_FRAME_MS), timeline + " is not " + sequence);
        assertEquals(SESSION_MS.applyAsLong(START_NANOS), timeline.get(0).fromMs(), "from the first pulse on");
        for (int i = 0; i < timeline.size(); i++) {
            LightSequence.Shown shown = timeline.get(i);
            long held = shown.toMs() - shown.fromMs();
            long asked = sequence.flashes().get(i).durationMs();
            assertTrue(held >= asked && held <= asked + ONE_FRAME_MS, "colour " + i + " held " + held + " ms, asked " + asked);
            if (i > 0) {
                assertEquals(timeline.get(i - 1).toMs(), shown.fromMs(), "each colour from the one before it ends");
            }
        }
    }

    @Test
    void eachPulseShowsTheColourOfItsTimeThenTheNormalLook() {
        LightSequence sequence = new LightSequence(List.of(new LightSequence.Flash(0xFF0000, 400),
                new LightSequence.Flash(0x0000FF, 350)));
        List<OptionalInt> shown = play(new LightPlayer(sequence, SESSION_MS, told::add), 20_000_000);

        // On a 50 Hz display: 400 ms is 20 refreshes; 350 ms is 17 and a half, so 18; then the normal look.
        assertEquals(20 + 18 + 1, shown.size());
        assertTrue(shown.subList(0, 20).stream().allMatch(colour -> colour.equals(OptionalInt.of(0xFF0000))), shown.toString());
        assertTrue(shown.subList(20, 38).stream().allMatch(colour -> colour.equals(OptionalInt.of(0x0000FF))), shown.toString());
        assertEquals(OptionalInt.empty(), shown.get(38));
    }

    /** A sequence asking for faster changes than WCAG 2.3.1 allows still gets no more than three a second. */
    @Test
    void noColourIsShorterThanTheLeastHoldEvenWhenAsked() {
        List<LightSequence.Flash> fast = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fast.add(new LightSequence.Flash(i % 2 == 0 ? 0xFFFF00 : 0x8000FF, 50));
        }
        play(new LightPlayer(new LightSequence(fast), SESSION_MS, told::add), FRAME_NANOS);

        for (LightSequence.Shown shown : told.get(0)) {
            assertTrue(shown.toMs() - shown.fromMs() >= LightSequence.MIN_HOLD_MS, shown.toString());
        }
    }

    /** A display that misses refreshes (a busy machine) shows a colour longer, never shorter. */
    @Test
    void missedRefreshesLengthenAColourAndTheTimelineSaysSo() {
        LightSequence sequence = new LightSequence(List.of(new LightSequence.Flash(0x00FF00, 350),
                new LightSequence.Flash(0xFF00FF, 500)));
        LightPlayer player = new LightPlayer(sequence, SESSION_MS, told::add);
        long now = START_NANOS;
        player.pulse(now);
        now += 300_000_000;
        assertEquals(OptionalInt.of(0x00FF00), player.pulse(now), "not yet its time");
        now += 250_000_000;
        assertEquals(OptionalInt.of(0xFF00FF), player.pulse(now), "550 ms after the first: the second colour");
        now += 500_000_000;
        assertEquals(OptionalInt.empty(), player.pulse(now));

        long start = SESSION_MS.applyAsLong(START_NANOS);
        assertEquals(List.of(new LightSequence.Shown(0x00FF00, start, start + 550),
                new LightSequence.Shown(0xFF00FF, start + 550, start + 1050)), told.get(0));
    }

    @Test
    void aStoppedPlayerShowsAndTellsNothingMore() {
        LightPlayer player = new LightPlayer(LightSequence.draw(new SplittableRandom(7)), SESSION_MS, told::add);
        assertTrue(player.pulse(START_NANOS).isPresent());
        assertTrue(player.playing());

        player.stop();

        assertFalse(player.playing());
        for (long now = START_NANOS; now < START_NANOS + 10_000_000_000L; now += FRAME_NANOS) {
            assertEquals(OptionalInt.empty(), player.pulse(now));
        }
        assertTrue(told.isEmpty(), "a session that ended waits for no timeline");
    }

    @Test
    void pulsesAfterTheEndChangeNothingAndTellNothingAgain() {
        LightPlayer player = new LightPlayer(LightSequence.draw(new SplittableRandom(9)), SESSION_MS, told::add);
        play(player, FRAME_NANOS);

        assertEquals(OptionalInt.empty(), player.pulse(START_NANOS + 60_000_000_000L));
        assertEquals(1, told.size());
    }
}
