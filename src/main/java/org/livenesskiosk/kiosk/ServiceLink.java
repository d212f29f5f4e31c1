package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.PendingUpload;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's link to its liveness service. Every call to the service runs on the one network
 * thread, which alone makes, uses and replaces the connection; the analysis thread waits for its
 * calls, the screens get futures. Waiting uploads are retried every minute between sessions.
 */
final class ServiceLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLink.class);
    private static final long RETRY_MINUTES = 1;

    private final ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("network"));
    private final Supplier<ServiceConnection> connection;
    private final Models models;
    private final SessionHistory history;
    /** Made and replaced on the network thread only. */
    private KioskService service;

    /**
     * @param connection the service to use now: the command line's, or the operator's settings
     * @param history    told when a waiting upload got through
     */
    ServiceLink(Supplier<ServiceConnection> connection, Models models, SessionHistory history) {
        this.connection = connection;
        this.models = models;
        this.history = history;
        network.scheduleWithFixedDelay(this::sendWaiting, RETRY_MINUTES, RETRY_MINUTES, TimeUnit.MINUTES);
    }

    /** Connects and authorizes before the first customer, so that a refused license shows at start. */
    void connectEarly() {
        network.execute(() -> {
            try {
                service().authorize();
            } catch (ServiceCallException | IOException | RuntimeException e) {
                LOG.warn("Not authorized yet: {}", e.getMessage());
            }
        });
    }

    /**
     * The challenge for the customer who just started, drawn by the service; waits for the network thread.
     *
     * @param embeddedChallenge the challenge for the embedded service: the operator's, or the defaults,
     *                          with this kiosk's light step; a standalone service's account decides its own
     * @param operatorChose     whether the operator chose a challenge on this kiosk, which a standalone service does not use
     * @param distanceCm        where this kiosk's customers stand, nearest and furthest
     */
    KioskApi.ChallengeAnswer challenge(ChallengeSettings embeddedChallenge, boolean operatorChose, double[] distanceCm)
            throws ServiceCallException, IOException {
        return onNetwork(() -> {
            KioskService connected = service();
            if (!connected.useEmbeddedChallenge(embeddedChallenge) && operatorChose) {
                LOG.warn("The standalone service decides the challenge; this kiosk's own choice is not used");
            }
            return connected.challenge(distanceCm);
        });
    }

    /** The light step's colours for the challenge, from the network thread: the analysis thread goes on meanwhile. */
    CompletableFuture<LightSequence> light(String challengeId) {
        return later(() -> {
            try {
                return service().light(challengeId);
            } catch (ServiceCallException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Keeps a passed session's evidence in the outbox and delivers it; waits for the network thread. */
    UploadQueue.Delivery deliver(String sessionId, KioskApi.ChallengeAnswer challenge, SessionOutcome outcome,
                                 Optional<String> customerReference, Optional<byte[]> documentPortrait)
            throws ServiceCallException, IOException {
        return onNetwork(() -> service().deliver(sessionId, challenge, outcome, Optional.empty(), customerReference,
                documentPortrait));
    }

    /** Sends what waits in the outbox, and notes in the history what got through. */
    CompletableFuture<Void> sendWaitingNow() {
        return later(() -> {
            sendWaiting();
            return null;
        });
    }

    CompletableFuture<List<PendingUpload>> pendingUploads() {
        return later(() -> {
            try {
                return service().waiting().stream().map(waiting -> new PendingUpload(waiting.sessionId(), waiting.since())).toList();
            } catch (ServiceCallException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    CompletableFuture<KioskBackend.Authorization> authorization() {
        return later(() -> {
            try {
                KioskService service = service();
                return new KioskBackend.Authorization(Optional.of(service.authorizedUntil()), Optional.empty(), service.certificate());
            } catch (ServiceCallException e) {
                return new KioskBackend.Authorization(Optional.empty(), Optional.of(e.error()), Optional.empty());
            } catch (IOException e) {
                return new KioskBackend.Authorization(Optional.empty(), Optional.of(LivenessError.UNDEFINED), Optional.empty());
            }
        });
    }

    /** How long the service keeps a customer's data, as it last said; empty when it has not said. */
    CompletableFuture<Optional<KioskBackend.DataKept>> dataKept() {
        return later(() -> {
            try {
                return service().keeping().map(keeping -> new KioskBackend.DataKept(
                        keeping.retentionDays() == null ? OptionalInt.empty() : OptionalInt.of(keeping.retentionDays()),
                        keeping.replayWindowDays()));
            } catch (ServiceCallException | IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Asks the service how the bank's review of this kiosk's delivered manual checks stands, and keeps
     * it in the history. A service out of reach changes nothing: the history keeps what it last knew.
     */
    CompletableFuture<Void> refreshReviews() {
        return later(() -> {
            try {
                List<String> sessionIds = history.reviewable();
                if (!sessionIds.isEmpty()) {
                    for (KioskApi.SessionReview review : service().reviews(sessionIds)) {
                        history.reviewed(review.sessionId(), new HistoryEntry.Review(
                                HistoryEntry.ReviewStatus.valueOf(review.status().name()),
                                Optional.ofNullable(review.decidedAt()).map(Instant::ofEpochMilli), Optional.ofNullable(review.reason())));
                    }
                }
            } catch (ServiceCallException | IOException | RuntimeException e) {
                LOG.warn("The bank's review of this kiosk's sessions not asked: {}", e.getMessage());
            }
            return null;
        });
    }

    /**
     * Runs {@code change} (the settings' switch) on the network thread, between two service calls;
     * the next call connects again when the service or its credentials changed.
     */
    CompletableFuture<Void> change(Runnable change) {
        return later(() -> {
            ServiceConnection before = connection.get();
            change.run();
            if (service != null && !connection.get().sameService(before)) {
                service.close();
                service = null;
            }
            return null;
        });
    }

    private void sendWaiting() {
        try {
            for (UploadQueue.Delivery delivery : service().sendPending()) {
                if (delivery.delivered()) {
                    history.delivered(delivery.sessionId(), delivery.livenessId(),
                            delivery.verdict() == KioskApi.Verdict.MANUAL_CHECK);
                } else if (delivery.refused()) {
                    history.refused(delivery.sessionId(), delivery.failure().error().name(), KioskService.refusal(delivery));
                }
            }
        } catch (IOException | ServiceCallException | RuntimeException e) {
            LOG.warn("Waiting uploads not sent: {}", e.getMessage());
        }
    }

    /** The service of the current connection, connected on first use and after the connection changed. */
    private KioskService service() throws ServiceCallException, IOException {
        if (service == null) {
            ServiceConnection current = connection.get();
            if (!current.complete()) {
                throw new ServiceCallException(LivenessError.AUTH_PARAMETER_ERROR, "KIOSK_SETTINGS",
                        "A standalone service needs a license (or access and secret keys), a market and an application ID", null);
            }
            service = KioskService.connect(current, models);
        }
        return service;
    }

    /** A call made on the network thread; the caller (never the UI thread) waits for it. */
    private <T> T onNetwork(NetworkCall<T> call) throws ServiceCallException, IOException {
        try {
            return network.submit(call::call).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceCallException failure) {
                throw failure;
            }
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Runs {@code call} on the network thread, the caller going on meanwhile. Once the kiosk closes
     * nothing more runs there: a screen still asking (its timer fired as the window closed) gets a
     * failed future, not an exception on its own thread.
     */
    private <T> CompletableFuture<T> later(Supplier<T> call) {
        try {
            return CompletableFuture.supplyAsync(call, network);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The kiosk is closing", e));
        }
    }

    @FunctionalInterface
    private interface NetworkCall<T> {
        T call() throws ServiceCallException, IOException;
    }

    @Override
    public void close() {
        if (network.isShutdown()) {
            return;
        }
        network.submit(() -> {
            if (service != null) {
                service.close();
            }
        });
        network.shutdown();
        try {
            network.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
