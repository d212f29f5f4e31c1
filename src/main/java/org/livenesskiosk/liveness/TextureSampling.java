package org.livenesskiosk.liveness;

import java.util.function.LongUnaryOperator;
import java.util.random.RandomGenerator;

import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * Which frames the texture network scores. Only frames it can judge: one face, turned at most
 * {@link #MAX_ANGLE_DEGREES} either way, lit neither too dark nor blown out, sharp, and surely a
 * face — dark, strongly turned or backlit live faces score low on it, and a score there would
 * only fail a genuine customer. And only one such frame every {@link #SPACING_MS} until the
 * {@link PassiveCues#MIN_TEXTURED_FRAMES} its summary needs are scored (a second or so of frames
 * fit to judge has them), then one every {@link #SPARSE_SPACING_MS} to the session's end, so that a
 * face swapped late is scored too. The two networks cost about as much as the rest of a frame's
 * analysis, so they score a sample, not every frame: a median of ten frames or more moves far
 * less than one frame, and genuine sessions' medians lie far above the threshold
 * (docs/passive-checks.md). Time is the frames' own.
 *
 * <p>The service's re-run does not follow the kiosk's rule to the frame: it draws each gap at random
 * ({@link #drawnBy}), so that which frames it scores cannot be known in advance. A recording made
 * to look live only on the frames the kiosk's rule would score is scored on others.
 */
public final class TextureSampling {

    static final double MAX_ANGLE_DEGREES = 25;
    /** At most ten scored frames a second at first… */
    static final long SPACING_MS = 100;
    /** …until the summary has what it needs… */
    static final int DENSE_FRAMES = PassiveCues.MIN_TEXTURED_FRAMES;
    /** …then one a second. */
    static final long SPARSE_SPACING_MS = 1_000;

    /** The gap to wait after a scored frame, from the rule's spacing at that point. */
    private final LongUnaryOperator gap;
    private long lastScoredMs = Long.MIN_VALUE;
    private long nextGapMs;
    private int scored;

    /** The kiosk's rule: each gap is the spacing itself. */
    public TextureSampling() {
        this(spacing -> spacing);
    }

    private TextureSampling(LongUnaryOperator gap) {
        this.gap = gap;
    }

    /**
     * The service's: each gap drawn at random between half and the whole of the kiosk's spacing, as
     * the service draws the frames it re-runs. Never sparser than the kiosk's rule, so a session
     * fit to judge is never short of scored frames for it.
     */
    public static TextureSampling drawnBy(RandomGenerator random) {
        return new TextureSampling(spacing -> spacing / 2 + random.nextLong(spacing / 2 + 1));
    }

    /** Whether to score this frame's main face; a frame it answers true for counts as scored. */
    public boolean wants(FrameAnalysis frame) {
        if (!fit(frame) || (lastScoredMs != Long.MIN_VALUE && frame.timestampMs() - lastScoredMs < nextGapMs)) {
            return false;
        }
        lastScoredMs = frame.timestampMs();
        scored++;
        nextGapMs = gap.applyAsLong(scored < DENSE_FRAMES ? SPACING_MS : SPARSE_SPACING_MS);
        return true;
    }

    /** One face, frontal enough, well lit, sharp and surely a face. */
    static boolean fit(FrameAnalysis frame) {
        if (frame.faceCount() != 1 || frame.mainFace().isEmpty()) {
            return false;
        }
        FaceMetrics face = frame.mainFace().get().metrics();
        return Math.abs(face.pose().yawDegrees()) <= MAX_ANGLE_DEGREES
                && Math.abs(face.pose().pitchDegrees()) <= MAX_ANGLE_DEGREES
                && !Preparation.isDark(face) && !Preparation.isBlownOut(face)
                && face.exposure().sharpness() >= BestImageScore.MIN_SHARPNESS
                && face.presence() >= Preparation.MIN_PRESENCE;
    }
}
