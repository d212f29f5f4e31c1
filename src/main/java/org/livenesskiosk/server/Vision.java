package org.livenesskiosk.server;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FrameAnalyzer;

import io.micrometer.core.instrument.Timer;

/**
 * What one check sees with, lent to one check at a time: the frame analyser and the face embedder,
 * whose every embedding is timed (what the same-person and replay checks add to a session's check).
 */
record Vision(FrameAnalyzer analyzer, FaceEmbedder embedder, Timer embeddings) {

    float[] embedding(Mat image, FaceLandmarks landmarks) {
        return embeddings.record(() -> embedder.embedding(image, landmarks));
    }
}
