package org.livenesskiosk.server;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * Re-checks a kiosk's evidence with the same vision code the kiosk runs, and scores it: the best
 * image shows one frontal face with open eyes; each action's key frame really shows the action
 * against the neutral face. A client that claims actions its images do not show scores 0 with an
 * attack type. The thresholds are looser than the kiosk's, since one JPEG frame is less than a
 * stream of frames.
 */
final class EvidenceCheck {

    /** The verdict: a score from 0 to 100 (50 or more suggests a pass), and why a failure failed. */
    record Verdict(int score, Optional<String> attackType) {
        static Verdict attack(String type) {
            return new Verdict(0, Optional.of(type));
        }
    }

    static final double MAX_BEST_ANGLE = 20;
    static final double MIN_BLINK_CLOSURE = 0.12;
    static final double MIN_MOUTH_OPENING = 0.2;
    static final double MIN_TURN_DEGREES = 12;
    static final double MIN_NOD_DEGREES = 8;

    /** Loading the models is costly and an analyser is not thread-safe: one per request thread, kept. */
    private final ThreadLocal<FrameAnalyzer> analyzers;

    EvidenceCheck(Models models) {
        this.analyzers = ThreadLocal.withInitial(() -> new FrameAnalyzer(models));
    }

    Verdict check(UploadRequest evidence) {
        FrameAnalyzer analyzer = analyzers.get();
        Optional<FaceMetrics> best = oneFace(analyzer, evidence, "best");
        Optional<FaceMetrics> neutral = oneFace(analyzer, evidence, "neutral");
        if (best.isEmpty() || neutral.isEmpty()) {
            return Verdict.attack("NO_SINGLE_FACE");
        }
        if (Math.abs(best.get().pose().yawDegrees()) > MAX_BEST_ANGLE || Math.abs(best.get().pose().pitchDegrees()) > MAX_BEST_ANGLE) {
            return Verdict.attack("BEST_IMAGE_NOT_FRONTAL");
        }
        if (evidence.actions() == null || evidence.actions().isEmpty()) {
            return Verdict.attack("NO_ACTION");
        }
        double weakestMargin = Double.MAX_VALUE;
        for (UploadRequest.Action claimed : evidence.actions()) {
            ActionType action;
            try {
                action = ActionType.valueOf(claimed.action());
            } catch (IllegalArgumentException | NullPointerException e) {
                return Verdict.attack("UNKNOWN_ACTION");
            }
            Optional<FaceMetrics> peak = oneFace(analyzer, evidence, action.name().toLowerCase(Locale.ROOT));
            if (peak.isEmpty()) {
                return Verdict.attack("NO_SINGLE_FACE");
            }
            double margin = margin(action, neutral.get(), peak.get());
            if (margin < 1) {
                return Verdict.attack("ACTION_NOT_SHOWN");
            }
            weakestMargin = Math.min(weakestMargin, margin);
        }
        // An action shown twice as clearly as the minimum scores full marks.
        return new Verdict((int) Math.round(60 + 40 * Math.min(1, weakestMargin - 1)), Optional.empty());
    }

    /** How clearly the key frame shows the action against the neutral face, 1 being just enough. */
    private static double margin(ActionType action, FaceMetrics neutral, FaceMetrics peak) {
        return switch (action) {
            case BLINK -> (1 - peak.eyeAspectRatio() / neutral.eyeAspectRatio()) / MIN_BLINK_CLOSURE;
            case MOUTH -> (peak.mouthOpening() - neutral.mouthOpening()) / MIN_MOUTH_OPENING;
            case POS_YAW -> Math.abs(peak.pose().yawDegrees() - neutral.pose().yawDegrees()) / MIN_TURN_DEGREES;
            case NOD -> (neutral.pose().pitchDegrees() - peak.pose().pitchDegrees()) / MIN_NOD_DEGREES;
        };
    }

    private static Optional<FaceMetrics> oneFace(FrameAnalyzer analyzer, UploadRequest evidence, String slot) {
        String encoded = evidence.images() == null ? null : evidence.images().get(slot);
        if (encoded == null) {
            return Optional.empty();
        }
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (BytePointer bytes = new BytePointer(jpeg); Mat buffer = new Mat(1, jpeg.length, CV_8U, bytes);
             Mat image = imdecode(buffer, IMREAD_COLOR)) {
            if (image.empty()) {
                return Optional.empty();
            }
            analyzer.reset();
            FrameAnalysis analysis = analyzer.analyze(image, 0, 0);
            return analysis.faceCount() == 1 ? analysis.mainFace().map(face -> face.metrics()) : Optional.empty();
        }
    }
}
