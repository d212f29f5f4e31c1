package org.livenesskiosk.ui;

import java.time.Instant;
import java.util.Optional;

/**
 * One session of this kiosk, as the operator console lists it.
 *
 * @param code        SUCCESS or the error code
 * @param livenessId  once delivered
 * @param upload      whether its evidence was sent, waits, was refused for good by the service, or had none to send
 */
public record HistoryEntry(String sessionId, Instant time, Optional<String> customerReference, String code,
                           Optional<String> livenessId, UploadState upload) {

    public enum UploadState { SENT, WAITING, REFUSED, NONE }
}
