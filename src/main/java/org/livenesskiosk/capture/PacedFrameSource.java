package org.livenesskiosk.capture;

import java.util.Optional;

/**
 * Hands over a recording's frames no faster than they were recorded, so that a clip stands in for
 * a camera: the kiosk's preview and prompts then run at the clip's own pace. A live camera is
 * already paced, and passes through without waiting.
 */
public final class PacedFrameSource implements FrameSource {

    private final FrameSource frames;
    private long firstFrameMs = -1;
    private long startNanos;

    public PacedFrameSource(FrameSource frames) {
        this.frames = frames;
    }

    @Override
    public Optional<Frame> next() {
        Optional<Frame> next = frames.next();
        next.ifPresent(this::waitForItsTime);
        return next;
    }

    private void waitForItsTime(Frame frame) {
        if (firstFrameMs < 0) {
            firstFrameMs = frame.timestampMs();
            startNanos = System.nanoTime();
            return;
        }
        long dueNanos = startNanos + (frame.timestampMs() - firstFrameMs) * 1_000_000;
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int corruptFrames() {
        return frames.corruptFrames();
    }

    @Override
    public double framesPerSecond() {
        return frames.framesPerSecond();
    }

    @Override
    public void holdExposure(boolean hold) {
        frames.holdExposure(hold);
    }

    @Override
    public void close() {
        frames.close();
    }
}
