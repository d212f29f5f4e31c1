package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.testdata.SharedData;

/**
 * Decoding and analysing 10,000 frames must not grow the process: every native buffer is released
 * as it goes. The JVM heap is pre-touched at start (see the surefire argLine), so the resident
 * size that grows can only be native memory.
 */
class NativeMemoryTest {

    private static final int FRAMES = 10_000;
    private static final int WARM_UP_FRAMES = 1_000;
    /** One leaked 512×512 frame per frame would be 7 GB; a leaked buffer per face, tens of MB. */
    private static final long ALLOWED_GROWTH_BYTES = 48L << 20;

    @Test
    void tenThousandFramesLeaveNoNativeMemoryBehind() throws Exception {
        Path clip = SharedData.video("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi");
        FrameAnalyzer analyzer = new FrameAnalyzer(Models.fromClasspath());
        int analysed = 0;
        long facesSeen = 0;
        long residentAfterWarmUp = 0;
        long clipStartMs = 0;
        while (analysed < FRAMES) {
            long lastMs = clipStartMs;
            try (FrameSource source = FrameSources.open(clip, 25)) {
                for (Optional<Frame> next = source.next(); next.isPresent() && analysed < FRAMES; next = source.next()) {
                    try (Frame frame = next.get()) {
                        lastMs = clipStartMs + frame.timestampMs();
                        facesSeen += analyzer.analyze(frame.image(), analysed, lastMs).faceCount();
                    }
                    if (++analysed == WARM_UP_FRAMES) {
                        residentAfterWarmUp = Pointer.physicalBytes();
                    }
                }
            }
            clipStartMs = lastMs + 40;
        }
        long growth = Pointer.physicalBytes() - residentAfterWarmUp;

        assertEquals(FRAMES, facesSeen, "the face is measured in every frame, so every native path ran");
        assertTrue(growth < ALLOWED_GROWTH_BYTES, "resident memory grew by " + (growth >> 20) + " MB over "
                + (FRAMES - WARM_UP_FRAMES) + " frames");
    }
}
