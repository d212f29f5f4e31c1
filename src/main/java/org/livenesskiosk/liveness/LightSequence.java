package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The colours the kiosk's screen shows a customer during the light step, in order, each for its
 * time. The service draws it ({@link #draw}) with a {@link java.security.SecureRandom}: which colour
 * comes next, and when, cannot be foreseen, so no recording made before can show a face lit by it.
 *
 * <p>The colours change at most three times a second: each is held at least {@value #MIN_HOLD_MS}
 * ms, within WCAG 2.1's success criterion 2.3.1 ("Three Flashes or Below Threshold") whatever the
 * share of the screen that changes.
 */
public record LightSequence(List<Flash> flashes) {

    /** One colour, 0xRRGGBB, held this long. */
    public record Flash(int rgb, long durationMs) {
    }

    /**
     * Saturated colours far apart in chroma: each pair differs by at least half the range in some
     * channel, so the face's answer to one is never mistaken for its answer to another. Public for
     * the kiosk's screens, whose text must stay readable on each.
     */
    public static final List<Integer> PALETTE = List.of(0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0xFF8000,
            0x8000FF);
    /** At most three changes a second (WCAG 2.3.1). */
    public static final long MIN_HOLD_MS = 350;
    public static final long MAX_HOLD_MS = 600;
    static final int MIN_FLASHES = 6;
    public static final int MAX_FLASHES = 10;

    public LightSequence {
        flashes = List.copyOf(flashes);
    }

    /** A new sequence: 6 to 10 colours, none twice in a row, each held 350 to 600 ms. */
    public static LightSequence draw(RandomGenerator random) {
        int count = random.nextInt(MIN_FLASHES, MAX_FLASHES + 1);
        List<Flash> flashes = new ArrayList<>(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int next;
            do {
                next = random.nextInt(PALETTE.size());
            } while (next == previous);
            previous = next;
            flashes.add(new Flash(PALETTE.get(next), random.nextLong(MIN_HOLD_MS, MAX_HOLD_MS + 1)));
        }
        return new LightSequence(flashes);
    }

    public long durationMs() {
        return flashes.stream().mapToLong(Flash::durationMs).sum();
    }

    /**
     * What the screen showed, as the kiosk reports it: each colour from when it was really on
     * screen until the next, in the recording's milliseconds.
     */
    public record Shown(int rgb, long fromMs, long toMs) {
    }

    /** The sequence as a screen keeping perfect time shows it from {@code startMs}: each colour right after the last. */
    public List<Shown> shownFrom(long startMs) {
        List<Shown> shown = new ArrayList<>(flashes.size());
        long at = startMs;
        for (Flash flash : flashes) {
            shown.add(new Shown(flash.rgb(), at, at + flash.durationMs()));
            at += flash.durationMs();
        }
        return shown;
    }

    /** The colour on screen at {@code timeMs}, if the step was showing one then. */
    public static Optional<Integer> colourAt(List<Shown> timeline, long timeMs) {
        for (Shown shown : timeline) {
            if (timeMs >= shown.fromMs() && timeMs < shown.toMs()) {
                return Optional.of(shown.rgb());
            }
        }
        return Optional.empty();
    }

    /**
     * A colour may stay on screen this much longer than drawn: a kiosk under load draws its display
     * pulse late, and the colour stays until it does. A longer hold shows the same colours in the
     * same order; only a shorter one would change them faster than drawn.
     */
    public static final long MAX_LATE_PULSE_MS = 1_000;

    /**
     * Whether the timeline shows this sequence: the same colours in the same order, one after the
     * other, each held at least as long as drawn less {@code toleranceMs} (a display shows a colour
     * from its next refresh on) and at most {@value #MAX_LATE_PULSE_MS} ms longer.
     */
    public boolean shownAs(List<Shown> timeline, long toleranceMs) {
        if (timeline.size() != flashes.size()) {
            return false;
        }
        for (int i = 0; i < flashes.size(); i++) {
            Shown shown = timeline.get(i);
            long held = shown.toMs() - shown.fromMs();
            long drawn = flashes.get(i).durationMs();
            if (shown.rgb() != flashes.get(i).rgb() || held < drawn - toleranceMs || held > drawn + MAX_LATE_PULSE_MS
                    || (i > 0 && shown.fromMs() < timeline.get(i - 1).toMs())) {
                return false;
            }
        }
        return true;
    }
}
