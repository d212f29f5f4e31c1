package org.livenesskiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.kiosk.ServiceConnection;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * One kiosk runtime (this process: its service link, outbox and client, as a kiosk delivers)
 * enrolled with one service ({@code serve} in a process of its own, on loopback, on SQLite), for
 * the benches that follow whole sessions from a customer to a livenessId.
 */
final class KioskAndService implements AutoCloseable {

    /** Where the shared clips' people sit: close to the camera. */
    static final double[] CLOSE_UP = {15, 120};
    private static final String APPLICATION_ID = "org.livenesskiosk.bench";

    final ServiceProcess service;
    final KioskService kiosk;
    final ServiceConnection connection;
    private final Path work;

    private KioskAndService(ServiceProcess service, KioskService kiosk, ServiceConnection connection, Path work) {
        this.service = service;
        this.kiosk = kiosk;
        this.connection = connection;
        this.work = work;
    }

    /**
     * @param settings   what the account asks of its customers
     * @param jvmOptions for the service's JVM besides its heap cap
     */
    static KioskAndService start(Models models, ChallengeSettings settings, List<String> jvmOptions) throws Exception {
        Path work = Files.createTempDirectory("liveness-bench");
        Path serviceData = Files.createDirectories(work.resolve("service"));
        // One kiosk sends one customer again and again: after the first, the replay check sees that customer again, which
        // counts against the kiosk as an attack when the copy is exact; a lock-out would stop the bench after five.
        ServiceProcess service = ServiceProcess.start(serviceData, jvmOptions, List.of("--lockout-minutes", "0"));
        try {
            Accounts accounts = Accounts.open(serviceData, Optional.empty());
            Accounts.Created account = accounts.create("Bench", "BENCH");
            accounts.addApplication(account.accessKey(), APPLICATION_ID);
            accounts.setSettings(account.accessKey(), settings);
            ServiceConnection connection = new ServiceConnection("http://127.0.0.1:" + service.port(), null, account.accessKey(),
                    account.secretKey(), account.market(), APPLICATION_ID, accounts.enrollDevice(account.accessKey()).code(),
                    Files.createDirectories(work.resolve("kiosk-data")), Files.createDirectories(work.resolve("kiosk-config")),
                    ServiceTrust.SYSTEM);
            return new KioskAndService(service, KioskService.connect(connection, models), connection, work);
        } catch (Exception e) {
            service.close();
            UploadBench.deleteRecursively(work);
            throw e;
        }
    }

    /** The customer's session as the kiosk runs it on the frames (closed on return), under the service's challenge: it must pass. */
    static SessionOutcome recorded(FrameAnalyzer analyzer, FrameSource clip, KioskApi.ChallengeAnswer challenge) throws Exception {
        LivenessConfig config = challenge.toConfig().withDistance(CLOSE_UP[0], CLOSE_UP[1]);
        try (FrameSource frames = clip; ClipRecorder none = new ClipRecorder(Optional.empty(), 30)) {
            SessionOutcome outcome = SessionRunner.recording(analyzer, config).run(frames, new LivenessSession(config,
                    challenge.actions()), none, SessionRunner.Listener.NONE);
            if (!outcome.result().success()) {
                throw new IllegalArgumentException("The clip's session did not pass (" + outcome.result().code() + ": "
                        + outcome.result().detail() + "); the bench needs a clip of a customer doing " + challenge.actions());
            }
            return outcome;
        }
    }

    @Override
    public void close() throws Exception {
        try (ServiceProcess stopped = service) {
            kiosk.close();
        } finally {
            UploadBench.deleteRecursively(work);
        }
    }
}
