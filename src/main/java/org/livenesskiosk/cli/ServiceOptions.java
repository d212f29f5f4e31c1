package org.livenesskiosk.cli;

import java.nio.file.Path;

import org.livenesskiosk.kiosk.DataDirectory;
import org.livenesskiosk.kiosk.ServiceConnection;

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

    @Option(names = "--data", paramLabel = "DIR",
            description = "This kiosk's data: the outbox of uploads not yet delivered, and the embedded service's database "
                    + "(default: the platform's data folder).")
    Path dataDirectory;

    /** A standalone service needs this kiosk's credentials: checked before any session runs. */
    void validate(CommandLine commandLine) {
        if (!connection(dataDirectory()).complete()) {
            throw new ParameterException(commandLine,
                    "--server needs --license (or --access-key and --secret-key), --market and --application-id");
        }
    }

    /**
     * The service these options name: the embedded one unless --server is given.
     *
     * @param identityDirectory where the kiosk keeps its key pair and enrollments
     */
    ServiceConnection connection(Path identityDirectory) {
        return new ServiceConnection(serverUrl, license, accessKey, secretKey, market, applicationId, enrollmentCode,
                dataDirectory(), identityDirectory);
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
