package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.livenesskiosk.protocol.UploadRequest;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * What a fleet's load balancer (and whoever runs the nodes) asks each node, without any key: is the
 * process alive, and is it ready for kiosks — its database answers and its vision models are
 * loaded, and the disk of its own SQLite database takes writes with room for one more upload (a
 * fleet's PostgreSQL disk is the database server's to watch; a node answers its failures
 * {@code SERVICE_BUSY}, counted in the metrics). A node not ready answers HTTP 503, and the balancer
 * sends its kiosks elsewhere. A new service with no account yet is ready, but says so: no key works
 * until {@code accounts create}.
 */
final class Health {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final BooleanSupplier databaseReachable;
    private final BooleanSupplier modelsLoaded;
    private final BooleanSupplier hasAccounts;
    private final Optional<Path> databaseFolder;

    /** @param databaseFolder the folder of the node's own SQLite database; empty for a fleet's PostgreSQL */
    Health(BooleanSupplier databaseReachable, BooleanSupplier modelsLoaded, BooleanSupplier hasAccounts,
           Optional<Path> databaseFolder) {
        this.databaseReachable = databaseReachable;
        this.modelsLoaded = modelsLoaded;
        this.hasAccounts = hasAccounts;
        this.databaseFolder = databaseFolder;
    }

    void register(Javalin app) {
        app.get(LIVE, ctx -> ctx.json(Map.of("status", "UP")));
        app.get(READY, this::ready);
    }

    private void ready(Context ctx) {
        boolean database = databaseReachable.getAsBoolean();
        boolean models = modelsLoaded.getAsBoolean();
        Optional<String> diskProblem = databaseFolder.flatMap(Health::diskProblem);
        boolean ready = database && models && diskProblem.isEmpty();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", ready ? "UP" : "DOWN");
        answer.put("database", database);
        answer.put("models", models);
        databaseFolder.ifPresent(folder -> answer.put("disk", diskProblem.isEmpty()));
        diskProblem.ifPresent(problem -> answer.put("diskProblem", problem));
        if (database) {
            boolean accounts = hasAccounts.getAsBoolean();
            answer.put("accounts", accounts);
            if (!accounts) {
                answer.put("note", "No account yet: no key works until `accounts create` makes one");
            }
        }
        ctx.status(ready ? 200 : 503).header("Cache-Control", "no-store").json(answer);
    }

    /** Why the database's disk could not keep one more session now; empty when it can. The folder is not named to a caller. */
    private static Optional<String> diskProblem(Path folder) {
        try {
            FileStore disk = Files.getFileStore(folder);
            if (disk.isReadOnly()) {
                return Optional.of("The database's disk is read-only: uploads are answered SERVICE_BUSY until it takes writes");
            }
            long usable = disk.getUsableSpace();
            if (usable < UploadRequest.MAX_BYTES) {
                return Optional.of("The database's disk has " + (usable >> 20) + " MB free, under the " + (UploadRequest.MAX_BYTES >> 20)
                        + " MB an upload may need: free space on it");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The database's disk cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
