package org.livenesskiosk.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.ServiceLimits;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the reference liveness service standalone, for a fleet of kiosks. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the liveness service standalone (the kiosks' authorization and uploads, the open API's results).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Mixin
    private ServiceStorageOptions storage;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where callers reach this service (e.g. https://liveness.bank.example behind a proxy): the image links "
                    + "it hands out start with it. Default: http://HOST:PORT.")
    private String publicUrl;

    @Option(names = "--node", paramLabel = "NAME",
            description = "How this node of a fleet names itself in the X-Liveness-Node header of its answers. Default: HOST:PORT.")
    private String node;

    @Option(names = "--lockout-minutes", defaultValue = "5", paramLabel = "N",
            description = "How long a kiosk device is refused after 5 failed uploads within 3 minutes. Default: ${DEFAULT-VALUE}.")
    private long lockoutMinutes;

    @Option(names = "--retention-days", paramLabel = "N",
            description = "Delete the images of results older than N days (their livenessId, score and times stay; "
                    + "their one-way fingerprints stay 30 days, for the replay check). Default: kept until the result is deleted.")
    private Integer retentionDays;

    @Mixin
    private ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        Path data = storage.dataDirectory();
        ServiceLimits defaults = ServiceLimits.defaults();
        ServiceLimits limits = new ServiceLimits(defaults.concurrentChecks(), defaults.busyWaitMs(), lockoutMinutes * 60_000);
        LivenessServer opened = LivenessServer.open(data, storage.databaseUrl(), storage.keys(), modelOptions.models(), limits);
        if (publicUrl != null) {
            try {
                opened.publicUrl(publicUrl);
            } catch (IllegalArgumentException e) {
                opened.close();
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (node != null) {
            opened.nodeName(node);
        }
        if (retentionDays != null) {
            if (retentionDays < 1) {
                opened.close();
                throw new ParameterException(spec.commandLine(), "--retention-days must be at least 1");
            }
            opened.retention(Duration.ofDays(retentionDays));
        }
        try (LivenessServer server = opened.start(host, port)) {
            spec.commandLine().getOut().printf("Liveness service listening on http://%s:%d (key in %s, records in %s)%n", host,
                    server.port(), data, storage.databaseUrl().isEmpty() ? data.resolve("liveness.db") : "the PostgreSQL database");
            spec.commandLine().getOut().flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
