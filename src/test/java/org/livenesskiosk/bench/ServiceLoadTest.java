package org.livenesskiosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FaceCrop;

/**
 * Two hundred kiosks upload at once to a service in its own process on loopback: every session
 * gets its livenessId, none gets two, and the service's resident memory stays flat.
 */
class ServiceLoadTest {

    private static final int KIOSKS = 200;
    /**
     * The heap's cap, which a busy service's garbage may touch whole, and 416 MB besides it: the JVM's
     * own (about 150 MB under NMT), the native models of two analysers with their face embedding
     * (about 250 MB), the threads and database connections of 200 kiosks at once. Measured peaks
     * 612–745 MB on 2 cores (2026-12-06), the spread being how much of the heap the collector had
     * touched; a leak per session would pass the bound within the run.
     */
    private static final long MAX_RESIDENT_MB = 384 + 416;

    @Test
    void twoHundredKiosksAtOnceLoseNothingAndDuplicateNothing() throws Exception {
        SessionRecording recording = new SessionRecording();
        byte[] best = null;
        try (FrameSource clip = FrameSources.open(SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi"), 30)) {
            for (int i = 0; i < 30; i++) {
                Optional<Frame> next = clip.next();
                try (Frame frame = next.orElseThrow()) {
                    recording.add(frame.image(), frame.timestampMs()).close();
                    if (best == null) {
                        best = FaceCrop.jpegOfFrame(frame.image());
                    }
                }
            }
        }

        ServiceLoad.Figures figures = ServiceLoad.run(UploadBench.Evidence.of(recording, best), KIOSKS);
        System.out.println("load: " + figures);

        assertEquals(KIOSKS, figures.delivered(), figures.toString());
        assertEquals(0, figures.lost(), figures.toString());
        assertEquals(0, figures.duplicated(), figures.toString());
        assertTrue(figures.residentPeakMb() <= MAX_RESIDENT_MB, figures.toString());
    }
}
