package org.livenesskiosk.capture;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a live source on its own capture thread and hands over only the newest frame: a slow
 * analysis drops stale frames, it never queues them. A camera that delivers nothing for
 * {@link #STALL_MS} is a lost device, reported by {@link #next()} rather than waited on forever.
 */
public final class LatestFrameSource implements FrameSource {

    public static final long STALL_MS = 2_000;

    private final FrameSource camera;
    private final Thread captureThread;
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private volatile boolean closed;

    public LatestFrameSource(FrameSource camera, String name) {
        this.camera = camera;
        this.captureThread = new Thread(this::capture, "capture-" + name);
        captureThread.setDaemon(true);
        captureThread.start();
    }

    private void capture() {
        try {
            while (!closed) {
                Optional<Frame> frame = camera.next();
                if (frame.isEmpty()) {
                    throw new DeviceLostException("The camera's stream ended");
                }
                Frame stale = newest.getAndSet(frame.get());
                if (stale != null) {
                    stale.close();
                    dropped.incrementAndGet();
                }
                signal();
            }
        } catch (RuntimeException e) {
            if (!closed) {
                failure.set(e instanceof DeviceLostException ? e : new DeviceLostException("The camera failed: " + e.getMessage(), e));
                signal();
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The newest frame not handed over yet, waiting for one if need be; throws when the camera is lost. */
    @Override
    public Optional<Frame> next() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STALL_MS);
        lock.lock();
        try {
            while (true) {
                Frame frame = newest.getAndSet(null);
                if (frame != null) {
                    return Optional.of(frame);
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DeviceLostException("The camera delivered no frame for " + STALL_MS + " ms (unplugged or hung)");
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceLostException("Interrupted while waiting for the camera", e);
        } finally {
            lock.unlock();
        }
    }

    /** Frames the analysis was too slow for, replaced before it took them. */
    public int droppedFrames() {
        return dropped.get();
    }

    @Override
    public int corruptFrames() {
        return camera.corruptFrames();
    }

    @Override
    public double framesPerSecond() {
        return camera.framesPerSecond();
    }

    @Override
    public void holdExposure(boolean hold) {
        camera.holdExposure(hold);
    }

    /** Stops the capture thread and releases the camera; a camera stuck in a read is abandoned to its daemon thread. */
    @Override
    public void close() {
        closed = true;
        try {
            captureThread.join(STALL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!captureThread.isAlive()) {
            camera.close();
        }
        Frame left = newest.getAndSet(null);
        if (left != null) {
            left.close();
        }
    }
}
