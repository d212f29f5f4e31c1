package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.Optional;

import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.vision.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParseException;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

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
    private final AnalyzerPool analyzers;
    private final ServiceMetrics metrics;
    /** Where callers reach this service, for the image links it hands out; set at start unless given. */
    private volatile String publicUrl;
    /** How this node names itself in {@link Headers#NODE}; set at start unless given. */
    private volatile String nodeName;
    private Optional<Retention> retention = Optional.empty();

    private LivenessServer(Store store, Licenses licenses, Models models, ServiceLimits limits) {
        this.store = store;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
        });
        ResultImages images = new ResultImages(store, licenses, () -> publicUrl);
        this.metrics = new ServiceMetrics(store);
        this.analyzers = new AnalyzerPool(models, limits.concurrentChecks(), metrics.faceEmbeddings());
        KioskRoutes kiosks = new KioskRoutes(store, licenses, new Challenges(store, new SecureRandom()), analyzers, metrics, limits);
        app.before(ctx -> ctx.header(Headers.NODE, nodeName));
        new RequestSize(MAX_REQUEST_BYTES).register(app);
        kiosks.registerAdmission(app);
        new Authentication(store).register(app);
        new OpenApiRoutes(store, licenses, images).register(app);
        kiosks.register(app);
        new Devices(store).register(app);
        images.register(app);
        new Health(store::reachable, analyzers::loaded).register(app);
        metrics.register(app);
        new FleetPage(store).register(app);
        app.after(Routes.KIOSK_UPLOAD, ctx -> Optional.ofNullable(ctx.<String>attribute(JsonExchange.ANSWER_CODE))
                .ifPresent(metrics::upload));
        app.exception(ServiceException.class, (e, ctx) -> {
            metrics.refused(e.code());
            if (e.code().equals("SERVICE_BUSY")) {
                ctx.header(Headers.RETRY_AFTER, String.valueOf(KioskRoutes.RETRY_AFTER_SECONDS));
            } else {
                countRefusal(e.code());
            }
            answer(ctx, Envelope.error(e.code(), e.getMessage()));
        });
        app.exception(JsonParseException.class, (e, ctx) -> answer(ctx, Envelope.error("PARAMETER_ERROR", "The body is not valid JSON")));
        app.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, refusal(e.getStatus())));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (!ctx.res().isCommitted() && ctx.attribute(ENVELOPE_SENT) == null) {
                answer(ctx, refusal(HttpStatus.NOT_FOUND.getCode()));
            }
        });
        app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> answer(ctx, refusal(HttpStatus.METHOD_NOT_ALLOWED.getCode())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request to {} failed", ctx.path(), e);
            answer(ctx, Envelope.error("ERROR", "The service failed; try again"));
        });
    }

    /** Counted for the fleet page; a busy answer is not (it sheds load, and the metrics count it). */
    private void countRefusal(String code) {
        try {
            store.countRefusal(code, System.currentTimeMillis());
        } catch (IllegalStateException e) {
            LOG.warn("A refusal could not be counted: {}", e.getMessage());
        }
    }

    /** Set by an answer that is already its envelope, with a status other than 200 (the image links' 404). */
    static final String ENVELOPE_SENT = "envelopeSent";

    /** What the service says when Javalin or Jetty refuses the request before any route: always the envelope. */
    private static Envelope refusal(int status) {
        return switch (status) {
            case 413 -> Envelope.error("PAYLOAD_TOO_LARGE", "The request is larger than " + (MAX_REQUEST_BYTES >> 20) + " MB");
            case 404 -> Envelope.error("NOT_FOUND", "No such route");
            case 405 -> Envelope.error("METHOD_NOT_ALLOWED", "This route does not take this method");
            default -> Envelope.error("PARAMETER_ERROR", "The request was refused (HTTP " + status + ")");
        };
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
     * database when one is given.
     */
    public static LivenessServer open(Path dataDirectory, Optional<String> databaseUrl, Models models, ServiceLimits limits)
            throws IOException {
        return open(dataDirectory, databaseUrl, SecretBox.inFolder(dataDirectory), models, limits);
    }

    /**
     * A service under {@code keys}: every node of a fleet is given the same, and one given another
     * key than the database's records were written with is refused.
     */
    public static LivenessServer open(Path dataDirectory, Optional<String> databaseUrl, SecretBox keys, Models models,
                                      ServiceLimits limits) throws IOException {
        Store store = store(dataDirectory, databaseUrl, keys);
        if (store.accountByAccessKey(DEMO_ACCESS_KEY).isEmpty()) {
            try {
                Store.Account demo = store.createAccount("Demo", DEMO_MARKET, DEMO_ACCESS_KEY, DEMO_SECRET_KEY);
                store.addApplication(demo.id(), DEMO_APPLICATION_ID);
            } catch (IllegalStateException e) {
                // Another node starting at the same moment made it.
                if (store.accountByAccessKey(DEMO_ACCESS_KEY).isEmpty()) {
                    throw e;
                }
            }
        }
        return new LivenessServer(store, new Licenses(keys), models, limits);
    }

    static Store store(Path dataDirectory, Optional<String> databaseUrl, SecretBox secrets) throws IOException {
        if (databaseUrl.isPresent()) {
            return Store.postgresql(databaseUrl.get(), secrets);
        }
        // Made owner-only before SQLite opens it: its -wal and -shm files then take the same permissions.
        Path database = dataDirectory.resolve("liveness.db");
        SecureFiles.ownerOnly(database);
        SecureFiles.ownerOnlyIfExists(dataDirectory.resolve("liveness.db-wal"));
        SecureFiles.ownerOnlyIfExists(dataDirectory.resolve("liveness.db-shm"));
        return Store.sqlite(database, secrets);
    }

    /**
     * Where callers reach this service ({@code serve --public-url}), e.g. behind a proxy: the image
     * links it hands out start with it, never with the request's {@code Host} header.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL without query or fragment
     */
    public LivenessServer publicUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("The public URL must be http(s)://host[:port][/path], not " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The public URL is not a URL: " + url, e);
        }
        this.publicUrl = url.replaceAll("/+$", "");
        return this;
    }

    /**
     * Deletes the images of every result older than {@code keep}, at start and every hour
     * ({@code serve --retention-days}); without it they stay until the result is deleted. The one-way
     * fingerprints stay for the replay window either way.
     */
    public LivenessServer retention(Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("The retention must be at least a day");
        }
        this.retention = Optional.of(new Retention(store, keep));
        return this;
    }

    /** The name this node of a fleet gives in {@link Headers#NODE} on its answers (by default its address and port). */
    public LivenessServer nodeName(String name) {
        this.nodeName = name;
        return this;
    }

    /**
     * Starts listening on {@code host}; port 0 picks a free port. Image links use {@code http://host:port}
     * and the node calls itself {@code host:port} unless told otherwise.
     */
    public LivenessServer start(String host, int port) {
        app.start(host, port);
        Thread warmUp = new Thread(analyzers::warmUp, "analyzer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        retention.ifPresent(Retention::start);
        String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
        if (publicUrl == null) {
            publicUrl = "http://" + address;
        }
        if (nodeName == null) {
            nodeName = address;
        }
        return this;
    }

    /** The service's accounts and their kiosks, on this service's own storage (the embedded service's challenge, too). */
    /** What the same-person and replay checks added to this node's checks so far. */
    public IdentityCost identityCost() {
        return metrics.identityCost();
    }

    public Accounts accounts() {
        return new Accounts(store);
    }

    public int port() {
        return app.port();
    }

    Store store() {
        return store;
    }

    @Override
    public void close() {
        app.stop();
        retention.ifPresent(Retention::stop);
        store.close();
    }
}
