package org.livenesskiosk.ui;

import java.time.Instant;

/** A passed session whose evidence waits in the outbox for the service. */
public record PendingUpload(String sessionId, Instant since) {
}
