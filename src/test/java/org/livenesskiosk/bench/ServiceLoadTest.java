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
     * 600 MB before the face embedding; each analyser's MobileFaceNet interpreter (one per core) added
     * about 100 MB at the peak (622 and 632 MB measured on 2 cores, 2026-12-06, docs/identity.md).
     */
    private static final long MAX_RESIDENT_MB = 700;

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
