package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.livenesskiosk.kiosk.ProductVersion;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;

/**
 * Many kiosks at once against the service running as it runs in a branch: in a process of its own
 * ({@code serve}, heap capped as an installed service's), on loopback. Each kiosk authorizes, asks
 * for a challenge and uploads, asking again while the service is busy; then uploads the same
 * session again, which must give the same livenessId. Counted: sessions lost, livenessIds given
 * twice, and the service's resident memory before and at its peak.
 */
public final class ServiceLoad {

    /** The service's heap, as the installed service caps it: what is resident above it is native memory. */
    public static final String SERVICE_HEAP = "-Xmx384m";
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    /** Long enough for every kiosk's turn at two cores; a session still refused then is lost. */
    private static final long DEADLINE_MS = 600_000;

    /**
     * @param lost            sessions that got no livenessId in time
     * @param duplicated      sessions whose second upload got another livenessId
     * @param serviceFailures answers of {@code ERROR} (the kiosks asked again, as their outboxes do)
     */
    public record Figures(int kiosks, int delivered, int lost, int duplicated, int serviceFailures, long residentStartMb,
                          long residentPeakMb, double seconds) {
    }

    private ServiceLoad() {
    }

    public static Figures run(UploadBench.Evidence evidence, int kiosks) throws Exception {
        Path data = Files.createTempDirectory("liveness-load-service");
        Path log = data.resolve("service.log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SERVICE_HEAP,
                "-cp", System.getProperty("java.class.path"), "org.livenesskiosk.cli.Main", "serve", "--port", "0",
                "--data", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = portOf(service, log);
            long residentStart = residentMb(service.pid(), "VmRSS");
            String url = "http://127.0.0.1:" + port;
            LivenessClient client = new LivenessClient(url, Duration.ofSeconds(60));
            String token = client.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
            String license = client.authLicense(token, 3_600, LivenessServer.DEMO_APPLICATION_ID);
            Set<String> sessionsDelivered = ConcurrentHashMap.newKeySet();
            Set<String> duplicated = ConcurrentHashMap.newKeySet();
            AtomicInteger failures = new AtomicInteger();
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            long start = System.nanoTime();
            ExecutorService kioskThreads = Executors.newFixedThreadPool(kiosks);
            try {
                List<Future<?>> running = new ArrayList<>();
                Accounts accounts = Accounts.open(data, Optional.empty());
                // The bench's recordings were made without the far/near stage: the service re-runs them so.
                accounts.setSettings(LivenessServer.DEMO_ACCESS_KEY, ChallengeSettings.defaults().withFarNear(false));
                for (int kiosk = 0; kiosk < kiosks; kiosk++) {
                    LivenessClient enrolled = enrolled(url, data, accounts, "kiosk-" + kiosk);
                    running.add(kioskThreads.submit(() -> {
                        oneKiosk(enrolled, license, evidence, deadline, sessionsDelivered, duplicated, failures);
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
            long residentPeak = residentMb(service.pid(), "VmHWM");
            return new Figures(kiosks, sessionsDelivered.size(), kiosks - sessionsDelivered.size(), duplicated.size(),
                    failures.get(), residentStart, residentPeak, seconds);
        } catch (ExecutionException e) {
            throw new IOException("A kiosk failed (" + e.getCause().getMessage() + "); the service logged: "
                    + String.join("\n", Files.readAllLines(log).stream().filter(line -> line.contains("ERROR") || line.contains("Exception"))
                            .limit(20).toList()), e.getCause());
        } finally {
            service.destroy();
            service.waitFor(10, TimeUnit.SECONDS);
            UploadBench.deleteRecursively(data);
        }
    }

    /** A kiosk the bank enrolled with the service: its key in a folder of its own, a code the administrator made. */
    private static LivenessClient enrolled(String url, Path data, Accounts accounts, String name) throws Exception {
        LivenessClient client = new LivenessClient(url, Duration.ofSeconds(60), DeviceIdentity.in(data.resolve(name)));
        client.enroll(accounts.enrollDevice(LivenessServer.DEMO_ACCESS_KEY).code(), ProductVersion.version());
        return client;
    }

    /** One kiosk's customer: its session delivered once, then sent again as a kiosk's retry would. */
    private static void oneKiosk(LivenessClient client, String license, UploadBench.Evidence evidence, long deadline,
                                 Set<String> delivered, Set<String> duplicated, AtomicInteger failures) throws Exception {
        UploadBench.Sent sent = UploadBench.prepared(client, license, evidence, "load");
        String ticket = sent.ticket();
        UploadRequest upload = sent.upload();
        String first = UploadBench.uploadWhenFree(client, ticket, upload, deadline, failures);
        if (first == null) {
            return;
        }
        delivered.add(upload.sessionId());
        String again = UploadBench.uploadWhenFree(client, ticket, upload, deadline, failures);
        if (again != null && !again.equals(first)) {
            duplicated.add(upload.sessionId());
        }
    }

    /** The port the service says it listens on, from its log, waiting up to a minute for it to start. */
    private static int portOf(Process service, Path log) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!service.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IOException("The service did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A field of the process's status in /proc, in MB (Linux). */
    private static long residentMb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + field);
    }
}
