package org.livenesskiosk.ui;

import java.time.Instant;
import java.util.Optional;

/**
 * One session of this kiosk, as the operator console lists it.
 *
 * @param code        SUCCESS or the error code
 * @param detail      what exactly happened, with the service's own code when it refused: for the operator
 * @param manualCheck the service verified the session but a member of staff completes it (the verdict)
 * @param livenessId  once delivered
 * @param upload      whether its evidence was sent, waits, was refused for good by the service, or had none to send
 * @param review      the bank's review of a manual check, as the service last told; empty until it told
 */
public record HistoryEntry(String sessionId, Instant time, Optional<String> customerReference, String code,
                           String detail, boolean manualCheck, Optional<String> livenessId, UploadState upload,
                           Optional<Review> review) {

    /** The code of a passed session. */
    public static final String SUCCESS = "SUCCESS";

    public enum UploadState { SENT, WAITING, REFUSED, NONE }

    public enum ReviewStatus { PENDING, APPROVED, REJECTED }

    /**
     * @param decidedAt when the bank's reviewer decided; empty while pending
     * @param reason    the reviewer's reason; empty while pending
     */
    public record Review(ReviewStatus status, Optional<Instant> decidedAt, Optional<String> reason) {
    }
}
