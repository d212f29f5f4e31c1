package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.service.ServiceTrust;

/**
 * Many kiosks at once against the service running as it runs in a branch: in a process of its own
 * ({@code serve}, heap capped as an installed service's), on loopback, each kiosk as {@link LoadTest}
 * runs it: one session through its outbox, sent again once delivered. Counted: sessions lost,
 * livenessIds given twice, and the service's resident memory before and at its peak.
 */
public final class ServiceLoad {

    /** The service's heap, as the installed service caps it: what is resident above it is native memory. */
    public static final String SERVICE_HEAP = "-Xmx384m";
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");
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
        Path log = data.resolve("service.log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SERVICE_HEAP,
                "-cp", System.getProperty("java.class.path"), "org.livenesskiosk.cli.Main", "serve", "--port", "0", "--management-port", "0",
                "--data", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = portOf(service, log);
            long residentStart = residentMb(service.pid(), "VmRSS");
            LoadTest.Figures kiosksAtOnce = new LoadTest("http://127.0.0.1:" + port, ServiceTrust.SYSTEM, Accounts.open(data, Optional.empty()), evidence,
                    Files.createDirectories(data.resolve("kiosks"))).run(kiosks, kiosks, Duration.ofMillis(DEADLINE_MS));
            long residentPeak = residentMb(service.pid(), "VmHWM");
            return new Figures(kiosks, kiosksAtOnce.completed(), kiosksAtOnce.lost(), kiosksAtOnce.duplicated(),
                    kiosksAtOnce.failedAnswers(), residentStart, residentPeak, kiosksAtOnce.seconds());
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
