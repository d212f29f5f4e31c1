package org.livenesskiosk.protocol;

import java.util.List;

/**
 * The evidence of one session as the service takes it: the kiosk's own session id (uploads are
 * idempotent on it), the challenge it answers, the actions the kiosk saw, the recording of every
 * frame it analysed, and the best face image at full quality. The service decides from the
 * recording; the claimed actions are only compared with what it finds. Biometric data: never logged.
 *
 * @param actions   what the kiosk claims it saw, in the order asked
 * @param bestImage the best face image, JPEG, base64
 */
public record UploadRequest(String sessionId, String challengeId, String signatureId, String userId, String sdkVersion,
                            String platform, List<Action> actions, Recording recording, String bestImage) {

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
