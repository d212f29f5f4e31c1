package org.livenesskiosk.server;

import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceMetrics;

/**
 * One person from the first frame to the last: the service embeds a sample of the recording's
 * faces and the evidence images, and any two of them that are not the same person make the
 * session an injection (a splice, a swap, a second person). Frames whose face is too small or
 * turned too far to embed are skipped, never failed.
 *
 * <p>The sample is drawn at random, one frame in each of {@link #STRETCHES} equal stretches of the
 * recording, plus the frame of each claimed action: a second of someone else in a recording of eight
 * seconds or less covers a whole stretch and cannot be missed, and frames of someone else scattered
 * anywhere, a fifth of them, escape every draw with a chance of 0.8<sup>16</sup> (under 3 %) — and
 * where the draw falls cannot be known in advance.
 */
final class SamePerson {

    /** Equal stretches of the recording, one frame embedded in each (two faces to an inference of about 10 ms). */
    static final int STRETCHES = 16;
    /**
     * A face narrower than this is not embedded: the network sees 112 pixels, and a face of fewer
     * than about 64 is mostly blur at that size. The kiosk's faces are 100 pixels or more.
     */
    static final double MIN_FACE_PIXELS = 64;
    /** A face turned further than this either way is not embedded: on the shared clips, one person's faces within 30° stay the same person. */
    static final double MAX_TURN_DEGREES = 30;

    private final List<Long> timesMs;
    private final int[] drawnFrom;
    private final boolean[] stretchTaken;
    private final List<Long> actionTimesMs;
    private final boolean[] actionTaken;

    /**
     * @param timesMs       the recording's frame times, in order
     * @param actionTimesMs when the kiosk claims each action was seen
     */
    SamePerson(List<Long> timesMs, List<Long> actionTimesMs, Random random) {
        this.timesMs = List.copyOf(timesMs);
        this.actionTimesMs = List.copyOf(actionTimesMs);
        this.drawnFrom = new int[STRETCHES];
        this.stretchTaken = new boolean[STRETCHES];
        this.actionTaken = new boolean[actionTimesMs.size()];
        for (int stretch = 0; stretch < STRETCHES; stretch++) {
            int first = start(stretch);
            drawnFrom[stretch] = first + random.nextInt(Math.max(1, start(stretch + 1) - first));
        }
    }

    private int start(int stretch) {
        return (int) ((long) stretch * timesMs.size() / STRETCHES);
    }

    /** Whether a face is large and frontal enough to embed. */
    static boolean embeddable(FaceMetrics face) {
        return face.box().width() >= MIN_FACE_PIXELS && Math.abs(face.pose().yawDegrees()) <= MAX_TURN_DEGREES
                && Math.abs(face.pose().pitchDegrees()) <= MAX_TURN_DEGREES;
    }

    /**
     * Whether the embeddable face of the frame at {@code timeMs} is to be embedded: the first one
     * from its stretch's drawn frame on, or the first one at or after a claimed action's time.
     */
    boolean draws(long timeMs) {
        boolean drawn = false;
        int index = indexOf(timeMs);
        int stretch = (int) ((long) index * STRETCHES / Math.max(1, timesMs.size()));
        if (index >= 0 && stretch < STRETCHES && !stretchTaken[stretch] && index >= drawnFrom[stretch]) {
            stretchTaken[stretch] = true;
            drawn = true;
        }
        for (int action = 0; action < actionTaken.length; action++) {
            if (!actionTaken[action] && timeMs >= actionTimesMs.get(action)) {
                actionTaken[action] = true;
                drawn = true;
            }
        }
        return drawn;
    }

    private int indexOf(long timeMs) {
        int index = Collections.binarySearch(timesMs, timeMs);
        return index >= 0 ? index : -index - 2;
    }

    /** Whether every two of the faces are the same person. */
    static boolean onePerson(List<float[]> faces) {
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                if (FaceEmbedder.similarity(faces.get(i), faces.get(j)) < FaceEmbedder.SAME_PERSON) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The person the faces show: their mean direction. */
    static float[] face(List<float[]> faces) {
        float[] sum = new float[FaceEmbedder.DIMENSIONS];
        for (float[] face : faces) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += face[i];
            }
        }
        return FaceEmbedder.unit(sum);
    }
}
