package org.livenesskiosk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.kiosk.DataDirectory;
import org.livenesskiosk.kiosk.ServiceConnection;
import org.livenesskiosk.service.ServiceTrust;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Which liveness service a command talks to: by default one embedded in this process on
 * 127.0.0.1 with a demo account, so the product works with no account and no network; or a
 * standalone one, with the license the integrator's back end obtained for this kiosk.
 */
final class ServiceOptions {

    @Option(names = "--server", paramLabel = "URL", converter = OptionValues.ServiceUrl.class, description = "A standalone liveness service (default: an embedded one on 127.0.0.1).")
    String serverUrl;

    @Option(names = "--license", paramLabel = "LICENSE",
            description = "This kiosk's license, obtained by the integrator's back end, for a standalone service.")
    String license;

    @Option(names = "--access-key", paramLabel = "KEY",
            description = "Instead of --license: the account's access key, for the kiosk to obtain its own license.")
    String accessKey;

    @Option(names = "--secret-key", paramLabel = "KEY", description = "With --access-key: the account's secret key.")
    String secretKey;

    @Option(names = "--market", paramLabel = "MARKET", description = "The account's market, for a standalone service.")
    String market;

    @Option(names = "--application-id", paramLabel = "ID", description = "This kiosk's registered application id.")
    String applicationId;

    @Option(names = "--enrollment-code", paramLabel = "CODE",
            description = "The one-time code from the bank's administrator (accounts enroll-device) that enrols this kiosk with a "
                    + "standalone service; needed once.")
    String enrollmentCode;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With an https:// --server: PEM certificates of the authorities that vouch for the service, instead of "
                    + "the system's.")
    Path caFile;

    @Option(names = "--pin", paramLabel = "sha256/BASE64",
            description = "With an https:// --server: the SHA-256 of a public key the service's certificate chain must hold "
                    + "(repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = "--insecure-http",
            description = "Allow a plain http:// --server on another machine: customers' faces then cross the network in clear "
                    + "text.")
    boolean insecureHttp;

    @Option(names = "--data", paramLabel = "DIR",
            description = "This kiosk's data: the outbox of uploads not yet delivered, and the embedded service's database "
                    + "(default: the platform's data folder).")
    Path dataDirectory;

    /**
     * A standalone service needs this kiosk's credentials, and an address the kiosk may trust:
     * checked before any session runs.
     */
    void validate(CommandLine commandLine) {
        ServiceConnection connection = connection(dataDirectory());
        if (!connection.complete()) {
            throw new ParameterException(commandLine,
                    "--server needs --license (or --access-key and --secret-key), --market and --application-id");
        }
        if (serverUrl == null && (caFile != null || !pins.isEmpty() || insecureHttp)) {
            throw new ParameterException(commandLine, "--ca-file, --pin and --insecure-http are for a standalone --server");
        }
        if (serverUrl != null) {
            try {
                connection.trust().requireUsableFor(serverUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, e.getMessage());
            }
        }
    }

    /**
     * The service these options name: the embedded one unless --server is given.
     *
     * @param identityDirectory where the kiosk keeps its key pair and enrollments
     */
    ServiceConnection connection(Path identityDirectory) {
        return new ServiceConnection(serverUrl, license, accessKey, secretKey, market, applicationId, enrollmentCode,
                dataDirectory(), identityDirectory, new ServiceTrust(Optional.ofNullable(caFile), pins, insecureHttp));
    }

    /**
     * Where {@code detect} keeps the kiosk's key pair and enrollments: the --data folder when one is
     * given (a kiosk of its own), else the kiosk's configuration folder, so that {@code detect} on a
     * kiosk is that same kiosk.
     */
    Path identityDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.configuration();
    }

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.standard();
    }
}
