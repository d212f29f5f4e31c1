package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.kiosk.ProductVersion;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.IdentityCost;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.ServiceLimits;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.vision.Models;

/**
 * Times what a kiosk waits for after a session — authorization and upload, including the
 * service's re-check of the images — against a service on loopback, one kiosk at a time and
 * several at once. Each simulated session is its own device, as at a branch with many desks.
 */
public final class UploadBench {

    /**
     * Round trips one at a time, the service's check within each (the round trip less that of the
     * same upload sent again, which the service answers from its records), what the same-person
     * and replay checks took of those checks (every session after the first replays it: the
     * look-up then also compares a session that matches), and the throughput of {@code kiosks}
     * kiosks uploading together.
     */
    public record Figures(Timings roundTrip, Timings check, IdentityCost identity, int kiosks, int concurrentSessions,
                          double sessionsPerSecond) {
    }

    /** What each simulated session uploads: a real recording, and its best image. */
    public record Evidence(UploadRequest.Recording recording, String bestImage) {

        public static Evidence of(SessionRecording recording, byte[] bestJpeg) {
            // A simulated session claims nothing, so it is sent as a kiosk sends the frames between the rules' moments.
            return new Evidence(KioskService.recording(recording, DecisiveSpans.of(null, null, null)), Base64.getEncoder().encodeToString(bestJpeg));
        }
    }

    /** A simulated kiosk's pause before asking a busy service again: the service's Retry-After. */
    private static final long BUSY_PAUSE_MS = 5_000;
    /** Two minutes of asking: a service that is still busy then has failed the figures. */
    private static final long BUSY_DEADLINE_MS = 120_000;

    private UploadBench() {
    }

    public static Figures run(Models models, Evidence evidence, int sessions, int kiosks) throws Exception {
        Path data = Files.createTempDirectory("liveness-bench-service");
        // Each desk is an enrolled kiosk; the bench's recordings show no action asked, so the lock-out of failing kiosks is off.
        ServiceLimits defaults = ServiceLimits.defaults();
        ServiceLimits noLockout = new ServiceLimits(defaults.concurrentChecks(), defaults.busyWaitMs(), 0);
        try (LivenessServer server = LivenessServer.open(data, models, noLockout).start("127.0.0.1", 0)) {
            // The bench's recordings were made without the far/near stage and the light step: the service re-runs them so.
            Accounts.Local account = server.accounts().local();
            server.accounts().setSettings(account.accessKey(), ChallengeSettings.defaults().withFarNear(false).withLight(false));
            LivenessClient client = desk(server, data, "desk-0");
            String token = client.generateToken(account.accessKey(), account.secretKey());
            Licensed license = new Licensed(client.authLicense(token, 3_600, account.applicationId()), account.market(),
                    account.applicationId());

            session(client, license, evidence);
            Timings roundTrip = new Timings();
            Timings check = new Timings();
            for (int i = 0; i < sessions; i++) {
                long start = System.nanoTime();
                Sent sent = session(client, license, evidence);
                long first = System.nanoTime() - start;
                start = System.nanoTime();
                client.upload(sent.ticket(), sent.upload());
                long again = System.nanoTime() - start;
                roundTrip.add(first);
                check.add(Math.max(0, first - again));
            }
            IdentityCost identity = server.identityCost();

            ExecutorService desks = Executors.newFixedThreadPool(kiosks);
            try {
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int kiosk = 0; kiosk < kiosks; kiosk++) {
                    LivenessClient deskClient = desk(server, data, "desk-" + (kiosk + 1));
                    running.add(desks.submit(() -> {
                        for (int i = 0; i < sessions; i++) {
                            session(deskClient, license, evidence);
                        }
                        return null;
                    }));
                }
                for (Future<?> desk : running) {
                    desk.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Figures(roundTrip, check, identity, kiosks, kiosks * sessions, kiosks * sessions / seconds);
            } finally {
                desks.shutdownNow();
            }
        } finally {
            deleteRecursively(data);
        }
    }

    /** A kiosk desk enrolled with the service, its key in a folder of its own. */
    static LivenessClient desk(LivenessServer server, Path data, String name) throws Exception {
        LivenessClient client = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(60),
                DeviceIdentity.in(data.resolve(name)));
        client.enroll(server.accounts().enrollDevice(server.accounts().local().accessKey()).code(), ProductVersion.version());
        return client;
    }

    record Sent(String ticket, UploadRequest upload) {
    }

    /** A kiosk's license, with the account's market and the application id it was issued for. */
    record Licensed(String license, String market, String applicationId) {
        @Override
        public String toString() {
            return "Licensed[" + market + ", " + applicationId + "]";
        }
    }

    /** One kiosk's work for a customer: authorize, ask for the challenge, then upload the evidence. */
    private static Sent session(LivenessClient client, Licensed license, Evidence evidence) throws Exception {
        Sent sent = prepared(client, license, evidence, "bench", null);
        if (uploadWhenFree(client, sent.ticket(), sent.upload(), System.currentTimeMillis() + BUSY_DEADLINE_MS,
                new AtomicInteger()) == null) {
            throw new IllegalStateException("The service stayed busy for " + BUSY_DEADLINE_MS / 1000 + " s");
        }
        return sent;
    }

    /** A kiosk's customer up to the upload: authorized, the challenge asked for, the evidence under it. */
    static Sent prepared(LivenessClient client, Licensed license, Evidence evidence, String platform, Integer outboxBacklog)
            throws Exception {
        String ticket = client.authorize(license.license(), license.market(), license.applicationId(), ProductVersion.version(),
                outboxBacklog).ticket();
        KioskApi.ChallengeAnswer challenge = client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
        return new Sent(ticket, new UploadRequest(UUID.randomUUID().toString(), challenge.challengeId(), null, null,
                ProductVersion.version(), platform, List.of(), evidence.recording(), evidence.bestImage()));
    }

    /**
     * Uploads as a kiosk's outbox does: a busy or failing service is asked again after a pause,
     * until the deadline; each failure (not a busy answer) is counted.
     *
     * @return the livenessId, or null when the service had not taken it by the deadline
     */
    static String uploadWhenFree(LivenessClient client, String ticket, UploadRequest upload, long deadline,
                                 AtomicInteger failures) throws Exception {
        while (System.currentTimeMillis() < deadline) {
            try {
                return client.upload(ticket, upload).livenessId();
            } catch (ServiceCallException e) {
                if (e.serviceCode().equals("ERROR")) {
                    failures.incrementAndGet();
                } else if (!e.serviceCode().equals("SERVICE_BUSY")) {
                    throw e;
                }
                Thread.sleep(BUSY_PAUSE_MS);
            }
        }
        return null;
    }

    public static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
