package org.livenesskiosk.vision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the pipeline saw in one frame; what the liveness rules and the UI work on.
 *
 * @param index       the frame's position in its source, from 0
 * @param timestampMs the frame's time in its source, in milliseconds
 * @param faces       every face measured, largest first
 * @param otherFaces  faces the detector saw but that could not be measured (turned away, half hidden)
 * @param texture     the main face's texture score ({@link TextureScorer}); empty when this frame
 *                    was not scored (only a sample of fit frames is)
 */
public record FrameAnalysis(int index, long timestampMs, int frameWidth, int frameHeight, List<FaceObservation> faces,
                            List<Box> otherFaces, Optional<TextureScore> texture) {

    public FrameAnalysis {
        faces = faces.stream()
                .sorted(Comparator.comparingDouble((FaceObservation face) -> face.metrics().box().area()).reversed())
                .toList();
        otherFaces = List.copyOf(otherFaces);
    }

    /** This frame with its main face's texture score. */
    public FrameAnalysis withTexture(TextureScore score) {
        return new FrameAnalysis(index, timestampMs, frameWidth, frameHeight, faces, otherFaces, Optional.of(score));
    }

    /** How many faces are in view, measured or not. */
    public int faceCount() {
        return faces.size() + otherFaces.size();
    }

    /** The largest face: the customer's, when there is one. */
    public Optional<FaceObservation> mainFace() {
        return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
    }
}
