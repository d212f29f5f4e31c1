package org.livenesskiosk.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceCrop;

/**
 * The frames a session asked to keep, one per slot, held in memory only until they are turned
 * into the result's face images. Biometric data: nothing here is logged or written by itself.
 */
final class Evidence implements AutoCloseable {

    private record KeptFrame(Mat image, Box face) {
    }

    private final Map<EvidenceSlot, KeptFrame> kept = new LinkedHashMap<>();

    /** Keeps a copy of this frame in the slot, replacing what the slot held. */
    void keep(EvidenceSlot slot, Mat frame, Box face) {
        KeptFrame previous = kept.put(slot, new KeptFrame(frame.clone(), face));
        if (previous != null) {
            previous.image().close();
        }
    }

    /** Each kept frame as a square face image of the given size, JPEG encoded. */
    Map<EvidenceSlot, byte[]> faceImages(int size) {
        Map<EvidenceSlot, byte[]> images = new LinkedHashMap<>();
        kept.forEach((slot, frame) -> images.put(slot, FaceCrop.jpeg(frame.image(), frame.face(), size)));
        return images;
    }

    @Override
    public void close() {
        kept.values().forEach(frame -> frame.image().close());
        kept.clear();
    }
}
