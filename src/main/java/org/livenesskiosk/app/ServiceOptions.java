package org.livenesskiosk.app;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Which liveness service a command talks to: by default one embedded in this process on
 * 127.0.0.1 with a demo account, so the product works with no account and no network; or a
 * standalone one, with the license the integrator's back end obtained for this kiosk.
 */
final class ServiceOptions {

    @Option(names = "--server", paramLabel = "URL", description = "A standalone liveness service (default: an embedded one on 127.0.0.1).")
    String serverUrl;

    @Option(names = "--license", paramLabel = "LICENSE", description = "This kiosk's license, for a standalone service.")
    String license;

    @Option(names = "--market", paramLabel = "MARKET", description = "The account's market, for a standalone service.")
    String market;

    @Option(names = "--application-id", paramLabel = "ID", description = "This kiosk's registered application id.")
    String applicationId;

    @Option(names = "--data", paramLabel = "DIR",
            description = "This kiosk's data: the outbox of uploads not yet delivered, and the embedded service's database "
                    + "(default: the platform's data folder).")
    Path dataDirectory;

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.standard();
    }
}
