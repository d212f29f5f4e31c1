package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The capture thread's hand-over: newest frame only, and a lost camera reported, never waited on. */
class LatestFrameSourceTest {

    /** A camera whose n-th read is scripted: it may deliver, stall or fail. */
    private static final class ScriptedCamera implements FrameSource {
        private final IntFunction<Optional<Frame>> reads;
        private int read;
        volatile boolean closed;

        ScriptedCamera(IntFunction<Optional<Frame>> reads) {
            this.reads = reads;
        }

        @Override
        public Optional<Frame> next() {
            return reads.apply(read++);
        }

        @Override
        public int corruptFrames() {
            return 0;
        }

        @Override
        public double framesPerSecond() {
            return 30;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Optional<Frame> frame(int index) {
        return Optional.of(new Frame(new Mat(4, 4, CV_8UC3), index, index * 33L));
    }

    private static Optional<Frame> stall() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Test
    void handsOverOnlyTheNewestFrame() throws InterruptedException {
        ScriptedCamera camera = new ScriptedCamera(read -> read < 10 ? frame(read) : stall());
        try (LatestFrameSource source = new LatestFrameSource(camera, "test")) {
            Thread.sleep(300);
            try (Frame frame = source.next().orElseThrow()) {
                assertEquals(9, frame.index());
            }
            assertEquals(9, source.droppedFrames());
        }
    }

    @Test
    void aCameraThatStopsDeliveringIsLostWithinTheStallTime() {
        ScriptedCamera camera = new ScriptedCamera(read -> read < 1 ? frame(read) : stall());
        try (LatestFrameSource source = new LatestFrameSource(camera, "test")) {
            source.next().orElseThrow().close();
            DeviceLostException lost = assertTimeoutPreemptively(Duration.ofMillis(LatestFrameSource.STALL_MS + 1_000),
                    () -> assertThrows(DeviceLostException.class, source::next));
            assertTrue(lost.getMessage().contains("no frame"), lost.getMessage());
        }
    }

    @Test
    void aFailingCameraIsReportedAsLost() {
        ScriptedCamera camera = new ScriptedCamera(read -> {
            if (read < 2) {
                return frame(read);
            }
            throw new DeviceLostException("unplugged");
        });
        try (LatestFrameSource source = new LatestFrameSource(camera, "test")) {
            DeviceLostException lost = assertThrows(DeviceLostException.class, () -> {
                while (true) {
                    source.next().orElseThrow().close();
                }
            });
            assertEquals("unplugged", lost.getMessage());
        }
        assertTrue(camera.closed);
    }
}
