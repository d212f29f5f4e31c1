package org.livenesskiosk.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.livenesskiosk.kiosk.DataDirectory;

import picocli.CommandLine.Option;

/** Where the liveness service keeps its key and its records: shared by the service and its account management. */
final class ServiceStorageOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The service's key folder, and its SQLite database unless --database is given (default: the platform's data folder).")
    private Path dataDirectory;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "A fleet's PostgreSQL database, jdbc:postgresql://host/db?user=…&password=… (default: SQLite in --data).")
    private String databaseUrl;

    Path dataDirectory() {
        return dataDirectory != null ? dataDirectory : DataDirectory.standard().resolve("service");
    }

    Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseUrl);
    }
}
