package org.livenesskiosk.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.livenesskiosk.crypto.SecureFiles;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * The outcome of this kiosk's latest session, readable at any time, as the mobile SDK offers it:
 * its code, and its livenessId once the service has it ("pending upload" until then). Holds no
 * biometric data.
 *
 * @param sessionId     the kiosk's own id of the session
 * @param code          {@code SUCCESS} or the error code
 * @param livenessId    the service's id, once delivered
 * @param pendingUpload whether the evidence still waits in the outbox
 * @param finishedAt    when the session ended, ISO-8601
 * @param uploadRefused why the service refused the evidence for good (its code and message), or null: a refused upload
 *                      is set aside, never sent again, and so no longer pending
 */
public record LatestResult(String sessionId, String code, String livenessId, boolean pendingUpload, String finishedAt,
                           String uploadRefused) {

    /** A result whose upload nobody refused. */
    public LatestResult(String sessionId, String code, String livenessId, boolean pendingUpload, String finishedAt) {
        this(sessionId, code, livenessId, pendingUpload, finishedAt, null);
    }

    private static final Gson GSON = new Gson();
    private static final String FILE = "latest-result.json";

    public static Optional<LatestResult> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GSON.fromJson(Files.readString(file), LatestResult.class));
        } catch (JsonParseException e) {
            throw new IOException("The latest result in " + file + " is damaged", e);
        }
    }

    public void write(Path dataDirectory) throws IOException {
        SecureFiles.directories(dataDirectory);
        SecureFiles.write(dataDirectory.resolve(FILE), GSON.toJson(this).getBytes(StandardCharsets.UTF_8));
    }

    /** The latest result once its pending upload has been delivered; any other session's delivery leaves it as it is. */
    public LatestResult delivered(String deliveredSessionId, String deliveredLivenessId) {
        return sessionId.equals(deliveredSessionId)
                ? new LatestResult(sessionId, code, deliveredLivenessId, false, finishedAt) : this;
    }

    /** The latest result once the service refused its pending upload for good, with the service's code in place of its own. */
    public LatestResult refused(String refusedSessionId, String refusedCode, String why) {
        return sessionId.equals(refusedSessionId) ? new LatestResult(sessionId, refusedCode, null, false, finishedAt, why) : this;
    }
}
