package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.livenesskiosk.kiosk.ProductVersion;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.ServiceLimits;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.vision.Models;

/**
 * Times what a kiosk waits for after a session — authorization and upload, including the
 * service's re-check of the images — against a service on loopback, one kiosk at a time and
 * several at once. Each simulated session is its own device, as at a branch with many desks.
 */
public final class UploadBench {

    /** Round trips one at a time, and the throughput of {@code kiosks} kiosks uploading together. */
    public record Figures(Timings roundTrip, int kiosks, int concurrentSessions, double sessionsPerSecond) {
    }

    private UploadBench() {
    }

    public static Figures run(Models models, String jpegBase64, int sessions, int kiosks) throws Exception {
        Path data = Files.createTempDirectory("liveness-bench-service");
        // Each desk is an enrolled kiosk; the bench's images show no blink, so the lock-out of failing kiosks is off.
        ServiceLimits defaults = ServiceLimits.defaults();
        ServiceLimits noLockout = new ServiceLimits(defaults.concurrentChecks(), defaults.busyWaitMs(), 0);
        try (LivenessServer server = LivenessServer.open(data, models, noLockout).start("127.0.0.1", 0)) {
            LivenessClient client = desk(server, data, "desk-0");
            String token = client.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
            String license = client.authLicense(token, 3_600, LivenessServer.DEMO_APPLICATION_ID);
            UploadRequest template = new UploadRequest("template", null, null, ProductVersion.version(), "bench",
                    List.of(new UploadRequest.Action("BLINK", 1_000)), List.of(),
                    Map.of("best", jpegBase64, "neutral", jpegBase64, "blink", jpegBase64));

            session(client, license, template);
            Timings roundTrip = new Timings();
            for (int i = 0; i < sessions; i++) {
                long start = System.nanoTime();
                session(client, license, template);
                roundTrip.add(System.nanoTime() - start);
            }

            ExecutorService desks = Executors.newFixedThreadPool(kiosks);
            try {
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int kiosk = 0; kiosk < kiosks; kiosk++) {
                    LivenessClient deskClient = desk(server, data, "desk-" + (kiosk + 1));
                    running.add(desks.submit(() -> {
                        for (int i = 0; i < sessions; i++) {
                            session(deskClient, license, template);
                        }
                        return null;
                    }));
                }
                for (Future<?> desk : running) {
                    desk.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Figures(roundTrip, kiosks, kiosks * sessions, kiosks * sessions / seconds);
            } finally {
                desks.shutdownNow();
            }
        } finally {
            deleteRecursively(data);
        }
    }

    /** A kiosk desk enrolled with the service, its key in a folder of its own. */
    private static LivenessClient desk(LivenessServer server, Path data, String name) throws Exception {
        LivenessClient client = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(30),
                DeviceIdentity.in(data.resolve(name)));
        client.enroll(server.accounts().enrollDevice(LivenessServer.DEMO_ACCESS_KEY).code(), ProductVersion.version());
        return client;
    }

    /** One kiosk's work after a session: authorize, then upload the evidence. */
    private static void session(LivenessClient client, String license, UploadRequest template) throws Exception {
        String ticket = client.authorize(license, LivenessServer.DEMO_MARKET, LivenessServer.DEMO_APPLICATION_ID,
                template.sdkVersion()).ticket();
        client.upload(ticket, new UploadRequest(UUID.randomUUID().toString(), null, null, template.sdkVersion(),
                template.platform(), template.actions(), template.traces(), template.images()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
