package org.livenesskiosk.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * What a fleet's load balancer (and whoever runs the nodes) asks each node, without any key: is the
 * process alive, and is it ready for kiosks — its database answers and its vision models are
 * loaded. A node not ready answers HTTP 503, and the balancer sends its kiosks elsewhere. A new
 * service with no account yet is ready, but says so: no key works until {@code accounts create}.
 */
final class Health {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final BooleanSupplier databaseReachable;
    private final BooleanSupplier modelsLoaded;
    private final BooleanSupplier hasAccounts;

    Health(BooleanSupplier databaseReachable, BooleanSupplier modelsLoaded, BooleanSupplier hasAccounts) {
        this.databaseReachable = databaseReachable;
        this.modelsLoaded = modelsLoaded;
        this.hasAccounts = hasAccounts;
    }

    void register(Javalin app) {
        app.get(LIVE, ctx -> ctx.json(Map.of("status", "UP")));
        app.get(READY, this::ready);
    }

    private void ready(Context ctx) {
        boolean database = databaseReachable.getAsBoolean();
        boolean models = modelsLoaded.getAsBoolean();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", database && models ? "UP" : "DOWN");
        answer.put("database", database);
        answer.put("models", models);
        if (database) {
            boolean accounts = hasAccounts.getAsBoolean();
            answer.put("accounts", accounts);
            if (!accounts) {
                answer.put("note", "No account yet: no key works until `accounts create` makes one");
            }
        }
        ctx.status(database && models ? 200 : 503).header("Cache-Control", "no-store").json(answer);
    }
}
