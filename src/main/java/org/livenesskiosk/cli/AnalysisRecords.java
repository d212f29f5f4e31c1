package org.livenesskiosk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.PassiveCues;
import org.livenesskiosk.liveness.PassiveVerdict;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.TextureScore;

/**
 * The records {@code analyze} prints: one per frame, one per action seen, and a closing summary.
 * Field names are a published format: add fields, never rename or remove one.
 */
final class AnalysisRecords {

    /** Every field any record may have, in the order a CSV file lists them. */
    static final List<String> FIELDS = List.of(
            "type", "index", "timeMs", "faces", "trackId",
            "rightEyeAspectRatio", "leftEyeAspectRatio", "eyeAspectRatio", "mouthOpening",
            "yaw", "pitch", "roll",
            "boxX", "boxY", "boxWidth", "boxHeight", "relativeSize", "centerOffsetX", "centerOffsetY",
            "brightness", "underExposedShare", "overExposedShare", "sharpness", "motion", "presence",
            "passiveScore", "passiveLive",
            "event", "startMs", "endMs", "peakDeviation",
            "frames", "corruptFrames", "events",
            "texture", "texturedFrames", "flatness", "flatPairs", "passive");

    private AnalysisRecords() {
    }

    static Map<String, Object> frame(FrameAnalysis frame) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "frame");
        record.put("index", frame.index());
        record.put("timeMs", frame.timestampMs());
        record.put("faces", frame.faceCount());
        frame.mainFace().ifPresent(face -> {
            FaceMetrics m = face.metrics();
            record.put("trackId", face.trackId());
            record.put("rightEyeAspectRatio", rounded(m.rightEyeAspectRatio()));
            record.put("leftEyeAspectRatio", rounded(m.leftEyeAspectRatio()));
            record.put("eyeAspectRatio", rounded(m.eyeAspectRatio()));
            record.put("mouthOpening", rounded(m.mouthOpening()));
            record.put("yaw", rounded(m.pose().yawDegrees()));
            record.put("pitch", rounded(m.pose().pitchDegrees()));
            record.put("roll", rounded(m.pose().rollDegrees()));
            record.put("boxX", rounded(m.box().x()));
            record.put("boxY", rounded(m.box().y()));
            record.put("boxWidth", rounded(m.box().width()));
            record.put("boxHeight", rounded(m.box().height()));
            record.put("relativeSize", rounded(m.relativeSize()));
            record.put("centerOffsetX", rounded(m.centerOffsetX()));
            record.put("centerOffsetY", rounded(m.centerOffsetY()));
            record.put("brightness", rounded(m.exposure().brightness()));
            record.put("underExposedShare", rounded(m.exposure().underExposedShare()));
            record.put("overExposedShare", rounded(m.exposure().overExposedShare()));
            record.put("sharpness", rounded(m.exposure().sharpness()));
            record.put("motion", rounded(m.motion()));
            record.put("presence", rounded(m.presence()));
            // Only a sample of the fit frames is scored: null for the others.
            Optional<Double> score = frame.texture().map(TextureScore::realProbability);
            record.put("passiveScore", score.map(AnalysisRecords::rounded).orElse(null));
            record.put("passiveLive", score.map(real -> real >= PassiveCues.TEXTURE_LIVE).orElse(null));
        });
        return record;
    }

    static Map<String, Object> event(ActionEvent event) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "event");
        record.put("event", event.type().name());
        record.put("startMs", event.startMs());
        record.put("endMs", event.endMs());
        record.put("peakDeviation", rounded(event.peakDeviation()));
        return record;
    }

    static Map<String, Object> summary(int frames, int corruptFrames, int events, PassiveCues passive) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "summary");
        record.put("frames", frames);
        record.put("corruptFrames", corruptFrames);
        record.put("events", events);
        record.putAll(passive(passive));
        return record;
    }

    /**
     * The passive checks over a clip or a session: the median texture P(real) and how many frames
     * it is over, the flatness (homography residual, eye distances) and over how many pairs of
     * views, and the verdict they fuse to ({@code LIVE}, {@code UNCERTAIN}, {@code ATTACK}).
     */
    static Map<String, Object> passive(PassiveCues cues) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("texture", cues.texture().isPresent() ? rounded(cues.texture().getAsDouble()) : null);
        record.put("texturedFrames", cues.texturedFrames());
        record.put("flatness", cues.flatness().isPresent() ? rounded(cues.flatness().getAsDouble()) : null);
        record.put("flatPairs", cues.flatPairs());
        record.put("perspective", cues.perspective().isPresent() ? rounded(cues.perspective().getAsDouble()) : null);
        record.put("passive", PassiveVerdict.of(cues).name());
        return record;
    }

    /** Four decimals are plenty for every metric and keep the output readable. */
    private static double rounded(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
