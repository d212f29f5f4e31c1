package org.livenesskiosk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.livenesskiosk.kiosk.DataDirectory;
import org.livenesskiosk.server.SecretBox;

import picocli.CommandLine.Option;

/** Where the liveness service keeps its key and its records: shared by the service and its account management. */
final class ServiceStorageOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The service's key folder, and its SQLite database unless --database is given (default: the platform's data folder).")
    private Path dataDirectory;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "A fleet's PostgreSQL database, jdbc:postgresql://host/db?user=…&password=… (default: SQLite in --data).")
    private String databaseUrl;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The service's key (64 bytes, owner-only), the same file on every node of a fleet; or the environment's "
                    + SecretBox.ENVIRONMENT + " (base64). Default: service.key in --data, made on first use.")
    private Path keyFile;

    /** The service's key: from --key-file, else the environment, else the data folder's own (a single service). */
    SecretBox keys() throws IOException {
        if (keyFile != null) {
            return SecretBox.fromFile(keyFile);
        }
        String fromEnvironment = System.getenv(SecretBox.ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return SecretBox.fromBase64(fromEnvironment);
        }
        return SecretBox.inFolder(dataDirectory());
    }

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.standard().resolve("service");
    }

    Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseUrl);
    }
}
