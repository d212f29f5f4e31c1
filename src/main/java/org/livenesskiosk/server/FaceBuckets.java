package org.livenesskiosk.server;

import java.util.Random;

import org.livenesskiosk.vision.FaceEmbedder;

/**
 * Where a session's face is filed in the replay index, so that a check looks up the few sessions
 * of a face like it instead of reading every session of the window: locality-sensitive hashing of
 * the session's embedding. Each of {@link #TABLES} tables takes the signs of the embedding's
 * projections on {@link #BITS} fixed random directions as its bucket; two embeddings at a small
 * angle share most signs. A replay's embedding is its original's up to the attacker's changes
 * (cosine about 0.95 or more), so its bucket differs from the original's by a bit or two in most
 * tables: a lookup probes each table's bucket and the {@link #BITS} next to it (one sign flipped).
 *
 * <p>The cost does not grow with the sessions stored: a probe reads one bucket, in which random
 * faces fall with a chance of 2<sup>−20</sup> each (about 0.1 of 100,000 sessions, so some 30 of the
 * {@link #probes} together); the rest are the same person's own tries.
 *
 * <p>The directions are drawn once from a fixed seed: every node of a fleet, and every restart,
 * files a face in the same buckets. A bucket is a few signs, not a face: nothing of the face can
 * be drawn back from it.
 */
final class FaceBuckets {

    static final int TABLES = 16;
    static final int BITS = 20;
    private static final long SEED = 23;
    private static final float[][][] DIRECTIONS = directions();

    private FaceBuckets() {
    }

    /** The session's bucket in each table, each tagged with its table's number above its bits. */
    static long[] of(float[] embedding) {
        long[] buckets = new long[TABLES];
        for (int table = 0; table < TABLES; table++) {
            buckets[table] = ((long) table << BITS) | code(DIRECTIONS[table], embedding);
        }
        return buckets;
    }

    /** The buckets a lookup reads: each table's own and those one sign away. */
    static long[] probes(float[] embedding) {
        long[] own = of(embedding);
        long[] probes = new long[TABLES * (BITS + 1)];
        int next = 0;
        for (long bucket : own) {
            probes[next++] = bucket;
            for (int bit = 0; bit < BITS; bit++) {
                probes[next++] = bucket ^ (1L << bit);
            }
        }
        return probes;
    }

    private static long code(float[][] directions, float[] embedding) {
        long code = 0;
        for (int bit = 0; bit < BITS; bit++) {
            if (FaceEmbedder.similarity(directions[bit], embedding) > 0) {
                code |= 1L << bit;
            }
        }
        return code;
    }

    private static float[][][] directions() {
        Random random = new Random(SEED);
        float[][][] directions = new float[TABLES][BITS][FaceEmbedder.DIMENSIONS];
        for (float[][] table : directions) {
            for (float[] direction : table) {
                for (int i = 0; i < direction.length; i++) {
                    direction[i] = (float) random.nextGaussian();
                }
            }
        }
        return directions;
    }
}
