package org.livenesskiosk.server;

import java.util.Base64;
import java.util.List;

import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * What an upload must be before any of it is decoded or analysed: bounded in every count and size
 * by the challenge it answers, with times that rise and fit the challenge. Anything else is the
 * client's mistake (or an attack) and refused with {@code PARAMETER_ERROR}, cheaply.
 */
final class UploadChecks {

    private static final int MAX_TEXT = 200;
    private static final int MAX_SHORT_TEXT = 64;

    private UploadChecks() {
    }

    /**
     * @param framesPerSecond the most frames a second of recording may hold
     * @param slackMs         how far recorded times may run past the challenge's limits
     */
    static void requireWellFormed(UploadRequest upload, Challenges.Challenge challenge, int framesPerSecond, long slackMs,
                                  int maxFrameBytes, int maxImageBytes) {
        requireLength(upload.userId(), "userId", MAX_TEXT);
        requireLength(upload.sdkVersion(), "sdkVersion", MAX_SHORT_TEXT);
        requireLength(upload.platform(), "platform", MAX_SHORT_TEXT);
        requireLength(upload.signatureId(), "signatureId", MAX_SHORT_TEXT);
        if (upload.actions() == null || upload.actions().size() > challenge.plan().size()) {
            throw refused("actions must list at most the " + challenge.plan().size() + " actions of the challenge");
        }
        requireJpeg(upload.bestImage(), "bestImage", maxImageBytes);
        if (upload.documentPortrait() != null) {
            requireJpeg(upload.documentPortrait(), "documentPortrait", FaceComparison.MAX_DOCUMENT_BYTES);
        }
        UploadRequest.Recording recording = upload.recording();
        if (recording == null || recording.frames() == null || recording.timesMs() == null
                || recording.frames().size() != recording.timesMs().size() || recording.frames().isEmpty()) {
            throw refused("recording must hold frames, each with its time");
        }
        long longestMs = challenge.longestSessionMs() + slackMs;
        long maxFrames = longestMs * framesPerSecond / 1000;
        if (recording.frames().size() > maxFrames) {
            throw refused("recording may hold at most " + maxFrames + " frames for this challenge");
        }
        List<Long> times = recording.timesMs();
        long previous = 0;
        for (Long time : times) {
            if (time == null || time < previous || time > longestMs) {
                throw refused("recording.timesMs must rise from 0 and stay within the challenge's " + longestMs + " ms");
            }
            previous = time;
        }
        for (int i = 0; i < recording.frames().size(); i++) {
            requireJpeg(recording.frames().get(i), "recording.frames[" + i + "]", maxFrameBytes);
        }
        requireFarNear(upload.farNear(), challenge, longestMs, maxImageBytes);
        requireLight(upload.light(), challenge, longestMs);
    }

    /** What the screen showed comes only for a challenge with the light step: a few colours, one after another, within it. */
    private static void requireLight(List<LightSequence.Shown> light, Challenges.Challenge challenge, long longestMs) {
        if (light == null || light.isEmpty()) {
            return;
        }
        if (challenge.light().isEmpty()) {
            throw refused("light is only for a challenge with the light step");
        }
        if (light.size() > LightSequence.MAX_FLASHES) {
            throw refused("light may list at most " + LightSequence.MAX_FLASHES + " colours");
        }
        long previous = 0;
        for (LightSequence.Shown shown : light) {
            if (shown == null || shown.fromMs() < previous || shown.toMs() <= shown.fromMs() || shown.toMs() > longestMs
                    || (shown.rgb() & ~0xFFFFFF) != 0) {
                throw refused("light's colours (0xRRGGBB) must follow one another, each shown for a while, within the challenge's "
                        + longestMs + " ms");
            }
            previous = shown.toMs();
        }
    }

    /** The far/near stage's images come exactly when the challenge asked for the stage, at rising times within it. */
    private static void requireFarNear(UploadRequest.FarNear farNear, Challenges.Challenge challenge, long longestMs,
                                       int maxImageBytes) {
        if (challenge.farNearTimeLimitMs().isEmpty()) {
            if (farNear != null) {
                throw refused("farNear is only for a challenge with the far/near stage");
            }
            return;
        }
        if (farNear == null) {
            throw refused("farNear (the far and near images) is required: the challenge asked for the far/near stage");
        }
        requireJpeg(farNear.farImage(), "farNear.farImage", maxImageBytes);
        requireJpeg(farNear.nearImage(), "farNear.nearImage", maxImageBytes);
        if (farNear.farAtMs() < 0 || farNear.nearAtMs() < farNear.farAtMs() || farNear.nearAtMs() > longestMs) {
            throw refused("farNear's times must rise from 0 and stay within the challenge's " + longestMs + " ms");
        }
    }

    private static void requireLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw refused(field + " is longer than " + max + " characters");
        }
    }

    /** Base64 of a JPEG of at most {@code maxBytes}: judged from its length and its first bytes, not decoded whole. */
    private static void requireJpeg(String base64, String field, int maxBytes) {
        if (base64 == null || base64.length() < 8 || base64.length() > (maxBytes + 2) / 3 * 4) {
            throw refused(field + " must be a JPEG of at most " + maxBytes / 1024 + " KB, base64");
        }
        byte[] start;
        try {
            start = Base64.getDecoder().decode(base64.substring(0, 8));
        } catch (IllegalArgumentException e) {
            throw refused(field + " is not base64");
        }
        if ((start[0] & 0xff) != 0xff || (start[1] & 0xff) != 0xd8 || (start[2] & 0xff) != 0xff) {
            throw refused(field + " must be a JPEG");
        }
    }

    private static ServiceException refused(String message) {
        return new ServiceException("PARAMETER_ERROR", message);
    }
}
