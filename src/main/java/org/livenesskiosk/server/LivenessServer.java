package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParseException;

import io.javalin.Javalin;

/**
 * The reference liveness service over HTTP: its open API ({@link OpenApiRoutes}), its kiosk API
 * ({@link KioskRoutes}) and the results' image links ({@link ResultImages}), each route behind
 * {@link Authentication}. Every answer is HTTP 200 with an {@link Envelope}. Keys, tokens, tickets
 * and licenses are never logged.
 */
public final class LivenessServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessServer.class);
    /** An upload holds up to a minute of recording; see {@link KioskRoutes} for what each part may be. */
    private static final long MAX_REQUEST_BYTES = 24L << 20;

    public static final String DEMO_ACCESS_KEY = "demo-access-key";
    public static final String DEMO_SECRET_KEY = "demo-secret-key";
    public static final String DEMO_MARKET = "DEMO";
    public static final String DEMO_APPLICATION_ID = "org.livenesskiosk.kiosk";

    private final Store store;
    private final Javalin app;

    private LivenessServer(Store store, Licenses licenses, Models models, ServiceLimits limits) {
        this.store = store;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
        });
        ResultImages images = new ResultImages(store, licenses);
        KioskRoutes kiosks = new KioskRoutes(store, licenses, new Challenges(store, new SecureRandom()),
                new AnalyzerPool(models, limits.concurrentChecks()), limits);
        kiosks.registerAdmission(app);
        new Authentication(store).register(app);
        new OpenApiRoutes(store, licenses, images).register(app);
        kiosks.register(app);
        images.register(app);
        app.exception(ServiceException.class, (e, ctx) -> {
            if (e.code().equals("SERVICE_BUSY")) {
                ctx.header(Headers.RETRY_AFTER, String.valueOf(KioskRoutes.RETRY_AFTER_SECONDS));
            }
            answer(ctx, Envelope.error(e.code(), e.getMessage()));
        });
        app.exception(JsonParseException.class, (e, ctx) -> answer(ctx, Envelope.error("PARAMETER_ERROR", "The body is not valid JSON")));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request to {} failed", ctx.path(), e);
            answer(ctx, Envelope.error("ERROR", "The service failed; try again"));
        });
    }

    /** A service keeping its data (SQLite database, key file) in {@code dataDirectory}, with the demo account. */
    public static LivenessServer open(Path dataDirectory, Models models) throws IOException {
        return open(dataDirectory, Optional.empty(), models, ServiceLimits.defaults());
    }

    public static LivenessServer open(Path dataDirectory, Models models, ServiceLimits limits) throws IOException {
        return open(dataDirectory, Optional.empty(), models, limits);
    }

    /**
     * A service with its key file in {@code dataDirectory} and its records in a fleet's PostgreSQL
     * database when one is given (every service of the fleet then needs the same key file).
     */
    public static LivenessServer open(Path dataDirectory, Optional<String> databaseUrl, Models models, ServiceLimits limits)
            throws IOException {
        Store store = store(dataDirectory, databaseUrl);
        if (store.accountByAccessKey(DEMO_ACCESS_KEY).isEmpty()) {
            Store.Account demo = store.createAccount("Demo", DEMO_MARKET, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
            store.addApplication(demo.id(), DEMO_APPLICATION_ID);
        }
        return new LivenessServer(store, new Licenses(secretBox(dataDirectory)), models, limits);
    }

    static Store store(Path dataDirectory, Optional<String> databaseUrl) throws IOException {
        SecretBox secrets = secretBox(dataDirectory);
        return databaseUrl.isPresent() ? Store.postgresql(databaseUrl.get(), secrets)
                : Store.sqlite(dataDirectory.resolve("liveness.db"), secrets);
    }

    private static SecretBox secretBox(Path dataDirectory) throws IOException {
        return SecretBox.open(dataDirectory.resolve("service.key"));
    }

    /** Starts listening on {@code host}; port 0 picks a free port. */
    public LivenessServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    Store store() {
        return store;
    }

    /** This service's accounts, to manage them while it runs (the embedded service's demo account's challenge). */
    public Accounts accounts() {
        return new Accounts(store);
    }

    @Override
    public void close() {
        app.stop();
    }
}
