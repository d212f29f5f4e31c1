package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * Watches the main face of a stream of frames for every action at once. When the main face is
 * lost or becomes another person, every detector starts over.
 */
public final class ActionDetectors {

    private final List<ActionDetector> detectors = new ArrayList<>();
    private int followedTrackId = -1;

    public ActionDetectors(List<ActionType> types) {
        for (ActionType type : types) {
            detectors.add(new ActionDetector(ActionSignal.of(type)));
        }
    }

    public static ActionDetectors forAllActions() {
        return new ActionDetectors(List.of(ActionType.values()));
    }

    /** The actions that ended in this frame. */
    public List<ActionEvent> accept(FrameAnalysis frame) {
        Optional<FaceObservation> face = frame.mainFace();
        if (face.isEmpty() || face.get().trackId() != followedTrackId) {
            detectors.forEach(ActionDetector::reset);
            followedTrackId = face.map(FaceObservation::trackId).orElse(-1);
        }
        if (face.isEmpty()) {
            return List.of();
        }
        List<ActionEvent> ended = new ArrayList<>();
        for (ActionDetector detector : detectors) {
            detector.accept(face.get().metrics(), frame.timestampMs()).ifPresent(ended::add);
        }
        return ended;
    }
}
