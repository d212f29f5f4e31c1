package org.livenesskiosk.protocol;

import java.util.List;
import java.util.Map;

/**
 * The evidence of one session as the service takes it: the kiosk's own session id (uploads are
 * idempotent on it), the actions seen, their metric traces and the face images (JPEG, base64).
 * Biometric data: never logged.
 */
public record UploadRequest(String sessionId, String signatureId, String userId, String sdkVersion, String platform,
                            List<Action> actions, List<Trace> traces, Map<String, String> images) {

    public record Action(String action, long atMs) {
    }

    public record Trace(String action, String metric, List<List<Double>> samples) {
    }

    @Override
    public String toString() {
        return "UploadRequest[sessionId=" + sessionId + ", actions=" + actions + "]";
    }
}
