package org.livenesskiosk.pipeline;

/**
 * The session's time (its frames' milliseconds) for a moment on this machine's monotonic clock,
 * so that what the screen showed can be told in the recording's time: the light step's colours
 * are timed by the display, the frames by the camera. Each frame says when it was taken and when
 * it reached the analysis; the least delay seen is the best estimate of the camera's own lag
 * behind the session's time, since the delay can only add to it. Written by the analysis thread,
 * read by the display's.
 */
public final class FrameClock {

    /** Milliseconds to add to a monotonic reading to get the session's time; none until a frame was seen. */
    private volatile long offsetMs = Long.MIN_VALUE;

    /** A frame taken at {@code timestampMs} of the session reached the analysis at {@code receivedNanos} ({@link System#nanoTime()}). */
    public void seen(long timestampMs, long receivedNanos) {
        long offset = timestampMs - receivedNanos / 1_000_000;
        if (offset > offsetMs) {
            offsetMs = offset;
        }
    }

    /**
     * The session's time at {@code nanos} ({@link System#nanoTime()}).
     *
     * @throws IllegalStateException before the first frame
     */
    public long sessionMs(long nanos) {
        long offset = offsetMs;
        if (offset == Long.MIN_VALUE) {
            throw new IllegalStateException("no frame was seen yet");
        }
        return nanos / 1_000_000 + offset;
    }
}
