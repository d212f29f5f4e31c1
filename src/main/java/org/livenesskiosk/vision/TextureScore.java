package org.livenesskiosk.vision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A face's texture score ({@link TextureScorer}), which may still be being computed on a side
 * thread: the frame it was asked for goes on without it, and whoever reads it waits for it. The
 * liveness rules read the scores only when the session ends (their median), so no frame waits.
 * The value is the same whenever it is read.
 */
public final class TextureScore {

    /** What the scoring gave, and how long it took on its thread. */
    record Scored(double realProbability, long nanos) {
    }

    private final Future<Scored> scored;

    TextureScore(Future<Scored> scored) {
        this.scored = scored;
    }

    /** A score already known. */
    public static TextureScore of(double realProbability) {
        return new TextureScore(CompletableFuture.completedFuture(new Scored(realProbability, 0)));
    }

    /** P(real), 0–1, waiting for it while it is being computed. */
    public double realProbability() {
        return SideThread.await(scored).realProbability();
    }

    /** How long the networks took on it, in nanoseconds, waiting for them to end: for the bench. */
    public long scoringNanos() {
        return SideThread.await(scored).nanos();
    }
}
