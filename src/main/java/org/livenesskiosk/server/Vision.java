package org.livenesskiosk.server;

import java.time.Duration;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;

import io.micrometer.core.instrument.Timer;

/**
 * What one check sees with, lent to one check at a time: the frame analyser and the face embedder,
 * whose every embedding is timed (what the same-person and replay checks add to a session's check).
 */
record Vision(FrameAnalyzer analyzer, FaceEmbedder embedder, Timer embeddings) {

    /**
     * A picture on its own (an evidence image, a document): analysed as no continuation of the
     * frames before it, and leaving nothing followed for the frames after it.
     */
    FrameAnalysis still(Mat image) {
        analyzer.reset();
        FrameAnalysis analysis = analyzer.analyze(image, 0, 0);
        analyzer.reset();
        return analysis;
    }

    float[] embedding(Mat image, FaceLandmarks landmarks) {
        return embeddings.record(() -> embedder.embedding(image, landmarks));
    }

    /** The faces of a recording, each embedded as it is ({@link FaceEmbedder#embedEach}); each counts as one face embedded. */
    List<float[]> embedEach(List<FaceEmbedder.Face> faces) {
        long start = System.nanoTime();
        List<float[]> embedded = embedder.embedEach(faces);
        Duration each = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, faces.size()));
        faces.forEach(face -> embeddings.record(each));
        return embedded;
    }
}
