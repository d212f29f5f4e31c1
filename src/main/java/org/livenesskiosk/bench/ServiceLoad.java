package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.service.ServiceTrust;

/**
 * Many kiosks at once against the service running as it runs in a branch: in a process of its own
 * ({@code serve}, heap capped as an installed service's), on loopback, each kiosk as {@link LoadTest}
 * runs it: one session through its outbox, sent again once delivered. Counted: sessions lost,
 * livenessIds given twice, and the service's resident memory before and at its peak.
 */
public final class ServiceLoad {

    /** Long enough for every kiosk's turn at two cores; a session still refused then is lost. */
    private static final long DEADLINE_MS = 600_000;

    /**
     * @param lost            sessions that got no livenessId in time
     * @param duplicated      sessions whose second upload got another livenessId
     * @param serviceFailures answers that were neither a livenessId nor busy (the kiosks asked again, as their outboxes do)
     */
    public record Figures(int kiosks, int delivered, int lost, int duplicated, int serviceFailures, long residentStartMb,
                          long residentPeakMb, double seconds) {
    }

    private ServiceLoad() {
    }

    public static Figures run(UploadBench.Evidence evidence, int kiosks) throws Exception {
        Path data = Files.createTempDirectory("liveness-load-service");
        try (ServiceProcess service = ServiceProcess.start(data)) {
            long residentStart = service.residentMb("VmRSS");
            LoadTest.Figures kiosksAtOnce = new LoadTest("http://127.0.0.1:" + service.port(), ServiceTrust.SYSTEM,
                    Accounts.open(data, Optional.empty()), evidence, Files.createDirectories(data.resolve("kiosks")))
                    .run(kiosks, kiosks, Duration.ofMillis(DEADLINE_MS));
            long residentPeak = service.residentMb("VmHWM");
            return new Figures(kiosks, kiosksAtOnce.completed(), kiosksAtOnce.lost(), kiosksAtOnce.duplicated(),
                    kiosksAtOnce.failedAnswers(), residentStart, residentPeak, kiosksAtOnce.seconds());
        } catch (ExecutionException e) {
            throw new IOException("A kiosk failed (" + e.getCause().getMessage() + "); the service logged: "
                    + String.join("\n", Files.readAllLines(data.resolve("service.log")).stream()
                            .filter(line -> line.contains("ERROR") || line.contains("Exception")).limit(20).toList()), e.getCause());
        } finally {
            UploadBench.deleteRecursively(data);
        }
    }
}
