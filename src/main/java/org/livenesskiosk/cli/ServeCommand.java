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

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", converter = OptionValues.Port.class,
            description = "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--management-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address of the listener for those who run the service (/health/live, /health/ready, /metrics, "
                    + "/fleet); loopback by default, so that only this machine's Prometheus and load balancer reach it. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String managementHost;

    @Option(names = "--management-port", defaultValue = "8081", paramLabel = "PORT", converter = OptionValues.Port.class,
            description = "Default: ${DEFAULT-VALUE}.")
    private int managementPort;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Speak HTTPS only, with this PEM certificate chain (read again whenever it changes); with --tls-key.")
    private Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's private key, unencrypted PKCS #8 PEM.")
    private Path tlsKey;

    @Mixin
    private ServiceStorageOptions storage;

    @Option(names = "--public-url", paramLabel = "URL", converter = OptionValues.ServiceUrl.class,
            description = "Where callers reach this service (e.g. https://liveness.bank.example behind a proxy): the image links "
                    + "it hands out start with it. Default: http://HOST:PORT.")
    private String publicUrl;

    @Option(names = "--node", paramLabel = "NAME",
            description = "How this node of a fleet names itself in the X-Liveness-Node header of its answers. Default: HOST:PORT.")
    private String node;

    @Option(names = "--lockout-minutes", defaultValue = "5", paramLabel = "N", converter = OptionValues.NoneOrMore.class,
            description = "How long a kiosk device is refused after 5 failed uploads within 3 minutes; 0 for never, a test "
                    + "service's setting (a soak's one kiosk sends the same customer again and again). Default: ${DEFAULT-VALUE}.")
    private int lockoutMinutes;

    @Option(names = "--retention-days", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "Delete the images of results older than N days (their livenessId, score and times stay; "
                    + "their one-way fingerprints stay 30 days, for the replay check). Default: kept until the result is deleted.")
    private Integer retentionDays;

    @Mixin
    private ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        ListeningAddress.checkFree(host, port);
        ListeningAddress.checkFree(managementHost, managementPort);
        Path data = storage.dataDirectory();
        ServiceLimits defaults = ServiceLimits.defaults();
        ServiceLimits limits = new ServiceLimits(defaults.concurrentChecks(), defaults.busyWaitMs(), lockoutMinutes * 60_000L);
        if (lockoutMinutes == 0) {
            spec.commandLine().getErr().println("Warning: --lockout-minutes 0: a kiosk that keeps failing is never locked out. "
                    + "A test service's setting, not a bank's.");
        }
        LivenessServer opened = LivenessServer.open(data, storage.databaseUrl(), storage.keys(), modelOptions.models(), limits);
        if (publicUrl != null) {
            opened.publicUrl(publicUrl);
        }
        if (node != null) {
            opened.nodeName(node);
        }
        if (tlsCertificate != null) {
            try {
                opened.tls(tlsCertificate, tlsKey);
            } catch (IllegalArgumentException e) {
                opened.close();
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        opened.management(managementHost, managementPort);
        if (retentionDays != null) {
            opened.retention(Duration.ofDays(retentionDays));
        }
        try (LivenessServer server = opened.start(host, port)) {
            spec.commandLine().getOut().printf("Liveness service listening on %s://%s:%d (key in %s, records in %s); health and "
                            + "metrics on http://%s:%d%n", tlsCertificate != null ? "https" : "http", host, server.port(), data,
                    storage.databaseUrl().isEmpty() ? data.resolve("liveness.db") : "the PostgreSQL database", managementHost,
                    server.managementPort());
            if (!server.hasAccounts()) {
                spec.commandLine().getOut().println("No account yet: no key works until `liveness-kiosk accounts create --name N "
                        + "--market M` makes one (its keys are printed once)");
            }
            spec.commandLine().getOut().flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
