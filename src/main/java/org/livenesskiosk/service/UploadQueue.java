package org.livenesskiosk.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers sessions to the service through the outbox: each is kept on disk before it is sent and
 * forgotten only once the service has answered with its livenessId. What could not be sent is
 * retried, with growing pauses, also after a restart. Since the service is idempotent on the
 * session id, a session is never given two livenessIds, even when the kiosk died between the
 * service's answer and the outbox's deletion. A request the service refuses for good is set aside
 * for the operator instead of being retried forever.
 */
public final class UploadQueue {

    private static final Logger LOG = LoggerFactory.getLogger(UploadQueue.class);
    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 300_000;
    /** Answers that will not change by sending the same request again. */
    private static final Set<String> PERMANENT = Set.of("PARAMETER_ERROR", "PAYLOAD_TOO_LARGE", "CHALLENGE_INVALID",
            "CHALLENGE_EXPIRED");

    /** Gives a kiosk ticket for uploads, authorizing when needed. */
    @FunctionalInterface
    public interface Tickets {
        String ticket() throws ServiceCallException;
    }

    /**
     * How one session's delivery ended: its livenessId and the service's verdict, or the failure
     * that keeps it waiting, or — {@code refused} — the service's refusal for good (it is set aside
     * and will not be sent again).
     */
    public record Delivery(String sessionId, String livenessId, KioskApi.Verdict verdict, ServiceCallException failure,
                           boolean refused) {
        public boolean delivered() {
            return livenessId != null;
        }

        /** Not delivered yet, but still in the outbox: it goes with a later try. */
        public boolean pending() {
            return !delivered() && !refused;
        }
    }

    private final Outbox outbox;
    private final LivenessClient client;
    private final Tickets tickets;

    public UploadQueue(Outbox outbox, LivenessClient client, Tickets tickets) {
        this.outbox = outbox;
        this.client = client;
        this.tickets = tickets;
    }

    /** Keeps the session in the outbox, then tries to deliver it. */
    public Delivery submit(UploadRequest upload) throws IOException {
        outbox.put(upload);
        CrashPoint.KEPT.reached();
        return send(upload);
    }

    /** Tries once more every session still waiting, oldest first. */
    public List<Delivery> retryPending() throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        for (UploadRequest upload : outbox.pending()) {
            deliveries.add(send(upload));
        }
        return deliveries;
    }

    /**
     * Retries the waiting sessions on {@code executor} until none is left, pausing 1 s, 2 s, 4 s …
     * up to 5 minutes between rounds that delivered nothing.
     */
    public void keepRetrying(ScheduledExecutorService executor) {
        schedule(executor, FIRST_RETRY_MS);
    }

    private void schedule(ScheduledExecutorService executor, long delayMs) {
        executor.schedule(() -> {
            long next;
            try {
                List<Delivery> round = retryPending();
                boolean progress = round.stream().anyMatch(Delivery::delivered);
                boolean waiting = round.stream().anyMatch(Delivery::pending);
                if (!waiting) {
                    return;
                }
                next = progress ? FIRST_RETRY_MS : Math.min(MAX_RETRY_MS, delayMs * 2);
            } catch (IOException e) {
                LOG.error("The outbox cannot be read: {}", e.getMessage());
                next = MAX_RETRY_MS;
            }
            schedule(executor, next);
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private Delivery send(UploadRequest upload) throws IOException {
        try {
            KioskApi.UploadAnswer answer = client.upload(tickets.ticket(), upload);
            CrashPoint.ANSWERED.reached();
            outbox.acknowledge(upload.sessionId());
            CrashPoint.CLEARED.reached();
            return new Delivery(upload.sessionId(), answer.livenessId(), answer.verdict(), null, false);
        } catch (ServiceCallException e) {
            if (PERMANENT.contains(e.serviceCode())) {
                LOG.error("Session {} refused by the service: {} {}; kept in the outbox's rejected folder",
                        upload.sessionId(), e.serviceCode(), e.getMessage());
                outbox.reject(upload.sessionId());
                return new Delivery(upload.sessionId(), null, null, e, true);
            }
            LOG.warn("Session {} not delivered yet: {} {}", upload.sessionId(), e.serviceCode(), e.getMessage());
            ServiceCallException kept = e.error() == LivenessError.AUTH_BAD_NETWORK
                    ? new ServiceCallException(LivenessError.CHECKING_BAD_NETWORK, e.serviceCode(), e.getMessage(), e) : e;
            return new Delivery(upload.sessionId(), null, null, kept, false);
        }
    }
}
