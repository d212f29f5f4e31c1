package org.livenesskiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.livenesskiosk.kiosk.ProductVersion;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.Outbox;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.service.UploadQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many kiosks at once against a service or a fleet behind its load balancer, each as a kiosk
 * works: its own enrolled key, its encrypted outbox, the upload queue that keeps a session until
 * the service answered. Each session is timed from the authorization to its livenessId; a session
 * the service has not taken by the deadline is lost; each delivered session is sent once more, as a
 * kiosk that died before its outbox forgot it would, and must get the same livenessId.
 */
public final class LoadTest {

    /**
     * @param sessions          every kiosk's sessions together
     * @param requestsPerNode   answers each node of the fleet gave, by the name in its answers
     * @param busyAnswers       {@code SERVICE_BUSY} answers (the kiosk came back after the pause asked)
     * @param failedAnswers     other answers that kept a session waiting: a node gone, {@code ERROR}, a broken connection
     */
    public record Figures(int kiosks, int sessions, int completed, int lost, int duplicated, long p50Ms, long p95Ms,
                          double sessionsPerSecond, int busyAnswers, int failedAnswers, Map<String, Long> requestsPerNode,
                          double seconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoadTest.class);
    /** What a kiosk waits after an answer that is not the livenessId: the service's Retry-After when busy, a second else. */
    private static final long BUSY_PAUSE_MS = 5_000;
    private static final long FAILURE_PAUSE_MS = 1_000;
    /** The simulated kiosks stand in this many branches, as the fleet page shows them. */
    private static final int BRANCHES = 5;
    private static final String APPLICATION_ID = "org.livenesskiosk.loadtest";

    private final String url;
    private final ServiceTrust trust;
    private final Accounts accounts;
    private final UploadBench.Evidence evidence;
    private final Path work;
    private final Map<String, LongAdder> requestsPerNode = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Long> sessionMs = new ArrayList<>();
    private final AtomicInteger duplicated = new AtomicInteger();

    /**
     * @param accounts the service's accounts, to make the load test's own account and each simulated kiosk's enrolment code
     * @param work     a folder for the kiosks' keys and outboxes
     */
    public LoadTest(String url, ServiceTrust trust, Accounts accounts, UploadBench.Evidence evidence, Path work) {
        this.url = url;
        this.trust = trust;
        this.accounts = accounts;
        this.evidence = evidence;
        this.work = work;
    }

    /** Runs {@code sessions} sessions spread over {@code kiosks} kiosks at once, each given up after {@code deadline}. */
    public Figures run(int kiosks, int sessions, Duration deadline) throws Exception {
        // An account of the load test's own; the recorded evidence was made without the far/near stage and without the
        // light step (a clip cannot answer the screen's colours): it asks for neither.
        Accounts.Created account = accounts.create("Load test", "LOAD");
        accounts.addApplication(account.accessKey(), APPLICATION_ID);
        accounts.setSettings(account.accessKey(), ChallengeSettings.defaults().withFarNear(false).withLight(false));
        List<LivenessClient> clients = new ArrayList<>();
        for (int kiosk = 0; kiosk < kiosks; kiosk++) {
            clients.add(enrolled(account, "kiosk-" + kiosk, "Load test branch " + (kiosk % BRANCHES + 1)));
        }
        UploadBench.Licensed license = retried(Long.MAX_VALUE, () -> {
            String token = clients.get(0).generateToken(account.accessKey(), account.secretKey());
            return new UploadBench.Licensed(clients.get(0).authLicense(token, 3_600, APPLICATION_ID), account.market(), APPLICATION_ID);
        });
        long start = System.nanoTime();
        long giveUpAt = System.currentTimeMillis() + deadline.toMillis();
        ExecutorService kioskThreads = Executors.newFixedThreadPool(kiosks);
        AtomicInteger completed = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int kiosk = 0; kiosk < kiosks; kiosk++) {
                int own = sessions / kiosks + (kiosk < sessions % kiosks ? 1 : 0);
                LivenessClient client = clients.get(kiosk);
                Path folder = work.resolve("kiosk-" + kiosk);
                running.add(kioskThreads.submit(() -> {
                    for (int session = 0; session < own; session++) {
                        try {
                            if (oneSession(client, Outbox.open(folder.resolve("outbox")), license, giveUpAt)) {
                                completed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            // A kiosk that fails keeps running its next customers, as a real one would; this session is lost.
                            LOG.error("A session of {} failed", folder.getFileName(), e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> kiosk : running) {
                kiosk.get();
            }
        } finally {
            kioskThreads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted;
        synchronized (sessionMs) {
            sorted = sessionMs.stream().sorted().toList();
        }
        Map<String, Long> perNode = new TreeMap<>();
        requestsPerNode.forEach((node, count) -> perNode.put(node, count.sum()));
        return new Figures(kiosks, sessions, completed.get(), sessions - completed.get(), duplicated.get(), percentile(sorted, 0.5),
                percentile(sorted, 0.95), completed.get() / seconds, busy.get(), failed.get(), perNode, seconds);
    }

    /** A kiosk the bank enrolled: its key in a folder of its own, a code the administrator made, every answer's node counted. */
    private LivenessClient enrolled(Accounts.Created account, String name, String branch) throws Exception {
        Path folder = Files.createDirectories(work.resolve(name));
        LivenessClient client = new LivenessClient(url, Duration.ofSeconds(60), Optional.of(DeviceIdentity.in(folder)), trust,
                Clock.systemUTC());
        client.onAnswer(node -> requestsPerNode.computeIfAbsent(node, any -> new LongAdder()).increment());
        String code = accounts.enrollDevice(account.accessKey(), Optional.of(branch)).code();
        retried(Long.MAX_VALUE, () -> client.enroll(code, ProductVersion.version()));
        return client;
    }

    /**
     * One customer: authorized and challenged (asked again while a node is gone), the evidence into
     * the outbox, delivered by the upload queue, asked again until the deadline.
     *
     * @return whether the session got its livenessId in time
     */
    private boolean oneSession(LivenessClient client, Outbox outbox, UploadBench.Licensed license, long giveUpAt) throws Exception {
        long start = System.nanoTime();
        UploadBench.Sent sent = retried(giveUpAt, () -> UploadBench.prepared(client, license, evidence, "loadtest",
                outbox.waiting().size()));
        if (sent == null) {
            return false;
        }
        AtomicReference<String> ticket = new AtomicReference<>(sent.ticket());
        UploadQueue queue = new UploadQueue(outbox, client, ticket::get);
        UploadRequest upload = sent.upload();
        UploadQueue.Delivery delivery = queue.submit(upload);
        while (!delivery.delivered() && System.currentTimeMillis() < giveUpAt) {
            if (delivery.failure().serviceCode().equals("AUTH_TICKET_DISABLE")) {
                ticket.set(client.authorize(license.license(), license.market(), license.applicationId(),
                        ProductVersion.version()).ticket());
            }
            Thread.sleep(pauseAfter(delivery.failure()));
            List<UploadQueue.Delivery> round = queue.retryPending();
            if (round.isEmpty()) {
                return false;
            }
            delivery = round.get(0);
        }
        if (!delivery.delivered()) {
            return false;
        }
        synchronized (sessionMs) {
            sessionMs.add((System.nanoTime() - start) / 1_000_000);
        }
        String again = retried(giveUpAt, () -> client.upload(ticket.get(), upload).livenessId());
        if (again != null && !again.equals(delivery.livenessId())) {
            duplicated.incrementAndGet();
        }
        return true;
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    /** The call, asked again after each answer that a kiosk would wait out, until {@code giveUpAt}; null then. */
    private <T> T retried(long giveUpAt, Call<T> call) throws Exception {
        while (System.currentTimeMillis() < giveUpAt) {
            try {
                return call.call();
            } catch (ServiceCallException e) {
                if (e.serviceCode().startsWith("AUTH_") || e.serviceCode().startsWith("CHALLENGE_")
                        || e.serviceCode().equals("PARAMETER_ERROR")) {
                    throw e;
                }
                Thread.sleep(pauseAfter(e));
            }
        }
        return null;
    }

    /** Counts the answer, and says how long a kiosk waits before asking again. */
    private long pauseAfter(ServiceCallException failure) {
        if (failure.serviceCode().equals("SERVICE_BUSY")) {
            busy.incrementAndGet();
            return BUSY_PAUSE_MS;
        }
        failed.incrementAndGet();
        return FAILURE_PAUSE_MS;
    }

    private static long percentile(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
