package org.livenesskiosk.app;

import java.nio.file.Path;
import java.util.Objects;

import org.livenesskiosk.ui.KioskSettings;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which liveness service a command talks to: by default one embedded in this process on
 * 127.0.0.1 with a demo account, so the product works with no account and no network; or a
 * standalone one, with the license the integrator's back end obtained for this kiosk.
 */
final class ServiceOptions {

    @Option(names = "--server", paramLabel = "URL", description = "A standalone liveness service (default: an embedded one on 127.0.0.1).")
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

    @Option(names = "--data", paramLabel = "DIR",
            description = "This kiosk's data: the outbox of uploads not yet delivered, and the embedded service's database "
                    + "(default: the platform's data folder).")
    Path dataDirectory;

    /** The service the operator set in the kiosk's settings; blank fields are not given. */
    static ServiceOptions of(KioskSettings settings, Path dataDirectory) {
        ServiceOptions options = new ServiceOptions();
        options.serverUrl = given(settings.serviceUrl());
        options.license = given(settings.license());
        options.accessKey = given(settings.accessKey());
        options.secretKey = given(settings.secretKey());
        options.market = given(settings.market());
        options.applicationId = given(settings.applicationId());
        options.dataDirectory = dataDirectory;
        return options;
    }

    private static String given(String value) {
        return value.isBlank() ? null : value.strip();
    }

    /** A standalone service needs this kiosk's credentials: checked before any session runs. */
    void validate(CommandLine commandLine) {
        if (!complete()) {
            throw new ParameterException(commandLine,
                    "--server needs --license (or --access-key and --secret-key), --market and --application-id");
        }
    }

    boolean complete() {
        boolean keys = accessKey != null && secretKey != null;
        return serverUrl == null || ((license != null || keys) && market != null && applicationId != null);
    }

    /** Whether both name the same service with the same credentials: else the kiosk must connect again. */
    boolean sameService(ServiceOptions other) {
        return Objects.equals(serverUrl, other.serverUrl) && Objects.equals(license, other.license)
                && Objects.equals(accessKey, other.accessKey) && Objects.equals(secretKey, other.secretKey)
                && Objects.equals(market, other.market) && Objects.equals(applicationId, other.applicationId);
    }

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.standard();
    }
}
