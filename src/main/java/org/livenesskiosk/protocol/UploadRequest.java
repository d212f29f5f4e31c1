package org.livenesskiosk.protocol;

import java.util.List;

import org.livenesskiosk.liveness.LightSequence;

/**
 * The evidence of one session as the service takes it: the kiosk's own session id (uploads are
 * idempotent on it), the challenge it answers, the actions the kiosk saw, the recording of every
 * frame it analysed, and the best face image at full quality. The service decides from the
 * recording; the claimed actions are only compared with what it finds. Biometric data: never logged.
 *
 * @param actions   what the kiosk claims it saw, in the order asked
 * @param bestImage the best face image, JPEG, base64
 * @param farNear   the far/near stage's two face images, when the challenge asked for the stage; else null
 * @param light     what the kiosk's screen showed during the light step, each colour from when it was really on screen,
 *                  in the recording's time; empty when it showed none, null from a session without the step
 * @param documentPortrait the portrait on the customer's identity document, as the kiosk captured it from the card held to
 *                  the camera, JPEG, base64; null when the operator did not check an ID photo
 */
public record UploadRequest(String sessionId, String challengeId, String signatureId, String userId, String sdkVersion,
                            String platform, List<Action> actions, Recording recording, String bestImage, FarNear farNear,
                            List<LightSequence.Shown> light, String documentPortrait) {

    /**
     * The largest upload a service takes, as JSON: a minute of recording. What a kiosk keeps room
     * for in its outbox before it starts a session.
     */
    public static final long MAX_BYTES = 24L << 20;

    /** A session without the far/near stage and the light step. */
    public UploadRequest(String sessionId, String challengeId, String signatureId, String userId, String sdkVersion,
                         String platform, List<Action> actions, Recording recording, String bestImage) {
        this(sessionId, challengeId, signatureId, userId, sdkVersion, platform, actions, recording, bestImage, null, null);
    }

    /** A session without the light step. */
    public UploadRequest(String sessionId, String challengeId, String signatureId, String userId, String sdkVersion,
                         String platform, List<Action> actions, Recording recording, String bestImage, FarNear farNear) {
        this(sessionId, challengeId, signatureId, userId, sdkVersion, platform, actions, recording, bestImage, farNear, null);
    }

    /** A session without a document portrait. */
    public UploadRequest(String sessionId, String challengeId, String signatureId, String userId, String sdkVersion,
                         String platform, List<Action> actions, Recording recording, String bestImage, FarNear farNear,
                         List<LightSequence.Shown> light) {
        this(sessionId, challengeId, signatureId, userId, sdkVersion, platform, actions, recording, bestImage, farNear, light, null);
    }

    /**
     * The face at each end of the far/near stage, as the kiosk claims it reached them.
     *
     * @param farImage  the face at the far end, JPEG, base64
     * @param farAtMs   when the far end was reached, in the recording's time
     * @param nearImage the face at the near end, JPEG, base64
     * @param nearAtMs  when the near end was reached, in the recording's time
     */
    public record FarNear(String farImage, long farAtMs, String nearImage, long nearAtMs) {
    }

    /** @param atMs when the action was seen complete, in the recording's time */
    public record Action(String action, long atMs) {
    }

    /**
     * The frames the kiosk analysed, as it analysed them.
     *
     * @param timesMs each frame's time in the session, in milliseconds, rising
     * @param frames  each frame, JPEG, base64
     */
    public record Recording(List<Long> timesMs, List<String> frames) {
    }

    @Override
    public String toString() {
        return "UploadRequest[sessionId=" + sessionId + ", actions=" + actions + "]";
    }
}
