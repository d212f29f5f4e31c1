package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.livenesskiosk.bench.LoadTest;
import org.livenesskiosk.bench.PipelineBench;
import org.livenesskiosk.bench.UploadBench;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.service.ServiceTrust;

import com.google.gson.Gson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code loadtest}: many enrolled kiosks at once against a service or a fleet's load balancer, each
 * with its outbox, uploading a real recording. Its last line is one JSON object.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Runs many kiosks at once against a liveness service or a fleet's load balancer.",
            "Each is enrolled, with its own outbox, and uploads a real recording. Enrols its kiosks in an account of its own through the",
            "service's storage (--data, --database, --key-file as for serve). The last line printed is one JSON object;",
            "exit 0 when no session was lost and none got two livenessIds."})
final class LoadTestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", converter = OptionValues.ServiceUrl.class, description = "The service, or the fleet's load balancer.")
    private String server;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With an https:// --server: PEM certificates of the authorities that vouch for it, instead of the system's.")
    private Path caFile;

    @Option(names = "--kiosks", defaultValue = "8", paramLabel = "N", converter = OptionValues.AtLeastOne.class, description = "Kiosks at once. Default: ${DEFAULT-VALUE}.")
    private int kiosks;

    @Option(names = "--sessions", paramLabel = "M", converter = OptionValues.AtLeastOne.class,
            description = "Sessions in all, spread over the kiosks. Default: one per kiosk.")
    private Integer sessions;

    @Option(names = "--source", defaultValue = "../shared/data/videos/liveportrait_d18_man_yawn_mouth_open.avi", paramLabel = "CLIP",
            converter = OptionValues.Recording.class,
            description = "The recording each session uploads. Default: ${DEFAULT-VALUE}.")
    private Path source;

    @Option(names = "--frames", defaultValue = "90", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "Frames of the recording each session uploads, from its start (30 a second). Default: ${DEFAULT-VALUE}.")
    private int frames;

    @Option(names = "--deadline-seconds", defaultValue = "600", paramLabel = "S", converter = OptionValues.AtLeastOne.class,
            description = "A session not delivered by then is lost. Default: ${DEFAULT-VALUE}.")
    private int deadlineSeconds;

    @Mixin
    private ServiceStorageOptions storage;

    @Mixin
    private FolderFrameRate folderFrameRate;

    @Override
    public Integer call() throws Exception {
        ServiceTrust trust = new ServiceTrust(Optional.ofNullable(caFile), List.of(), false);
        try {
            trust.requireUsableFor(server);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path work = Files.createTempDirectory("liveness-loadtest");
        try {
            Accounts accounts = Accounts.open(storage.dataDirectory(), storage.databaseUrl(), storage.keys());
            LoadTest test = new LoadTest(server, trust, accounts, PipelineBench.evidence(source, folderFrameRate.framesPerSecond(), frames), work);
            LoadTest.Figures figures = test.run(kiosks, sessions == null ? kiosks : sessions, Duration.ofSeconds(deadlineSeconds));
            report(spec.commandLine().getOut(), figures);
            return figures.lost() == 0 && figures.duplicated() == 0 ? 0 : ErrorReporter.EXIT_FAILURE;
        } finally {
            UploadBench.deleteRecursively(work);
        }
    }

    private static void report(PrintWriter out, LoadTest.Figures figures) {
        out.printf("loadtest    %d kiosks, %d sessions: %d completed, %d lost, %d given two livenessIds, in %.1f s%n", figures.kiosks(),
                figures.sessions(), figures.completed(), figures.lost(), figures.duplicated(), figures.seconds());
        out.printf("sessions    median %d ms  p95 %d ms  %.2f sessions/s; %d busy answers, %d failed answers asked again%n",
                figures.p50Ms(), figures.p95Ms(), figures.sessionsPerSecond(), figures.busyAnswers(), figures.failedAnswers());
        figures.requestsPerNode().forEach((node, count) -> out.printf("node        %s answered %d requests%n", node, count));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kiosks", figures.kiosks());
        json.put("sessions", figures.sessions());
        json.put("completed", figures.completed());
        json.put("lost", figures.lost());
        json.put("duplicated", figures.duplicated());
        json.put("p50Ms", figures.p50Ms());
        json.put("p95Ms", figures.p95Ms());
        json.put("sessionsPerSecond", Math.round(figures.sessionsPerSecond() * 1000) / 1000.0);
        json.put("busyAnswers", figures.busyAnswers());
        json.put("failedAnswers", figures.failedAnswers());
        json.put("requestsPerNode", figures.requestsPerNode());
        json.put("seconds", Math.round(figures.seconds() * 10) / 10.0);
        out.println(new Gson().toJson(json));
        out.flush();
    }
}
