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

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * The reference liveness service over HTTP: its open API ({@link OpenApiRoutes}), its kiosk API
 * ({@link KioskRoutes}) and the results' image links ({@link ResultImages}), each route behind
 * {@link Authentication}. Every answer is HTTP 200 with an {@link Envelope}. Keys, tokens, tickets
 * and licenses are never logged. What those who run it ask ({@link Health}, {@link ServiceMetrics},
 * {@link FleetPage}) is on a listener of its own ({@link #management}), on loopback unless told
 * otherwise, never on the API's. With {@link #tls} the API speaks TLS only.
 *
 * <p>A request is judged in this order, so that nobody without a kiosk's key or a token makes the
 * service read, let alone parse, a body: its size from its headers ({@link RequestSize}), who calls
 * from the headers (the kiosk, its ticket, the account's token), the upload's admission, then the
 * body, read within its route's cap, and the kiosk's signature over it; then the route.
 */
public final class LivenessServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessServer.class);

    private final Store store;
    private final Accounts accounts;
    private final Javalin app;
    private final Javalin operations;
    private final AnalyzerPool analyzers;
    private final ServiceMetrics metrics;
    /** Where callers reach this service, for the image links it hands out; set at start unless given. */
    private volatile String publicUrl;
    /** How this node names itself in {@link Headers#NODE}; set at start unless given. */
    private volatile String nodeName;
    /** Set before start, read by the kiosks' authorizations (their consent states it): volatile for those threads. */
    private volatile Optional<Retention> retention = Optional.empty();
    private Optional<TlsCertificate> tls = Optional.empty();
    private Optional<Listener> management = Optional.empty();
    private Listener api;

    /** Where a listener listens. */
    private record Listener(String host, int port) {
        String address(int boundPort) {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
        }
    }

    /** @param databaseFolder the folder of its own SQLite database; empty for a fleet's PostgreSQL */
    private LivenessServer(Store store, Optional<Path> databaseFolder, Licenses licenses, Models models, ServiceLimits limits) {
        this.store = store;
        this.metrics = new ServiceMetrics(store);
        this.app = Javalin.create(config -> {
            refuseInTheEnvelope(config);
            config.jetty.addConnector((server, http) -> tls.map(certificate -> certificate.connector(server, http, api.host(), api.port()))
                    .orElseGet(() -> plainConnector(server, http, api)));
        });
        this.operations = Javalin.create(config -> {
            refuseInTheEnvelope(config);
            config.jetty.addConnector((server, http) -> plainConnector(server, http, management.orElseThrow()));
        });
        ResultImages images = new ResultImages(store, licenses, () -> publicUrl);
        this.analyzers = new AnalyzerPool(models, limits.concurrentChecks(), metrics.faceEmbeddings());
        ReviewQueue reviews = new ReviewQueue(store, licenses);
        this.accounts = new Accounts(store, licenses);
        KioskRoutes kiosks = new KioskRoutes(store, licenses, new Challenges(store, new SecureRandom()), analyzers, metrics, limits,
                () -> retention.map(Retention::keep), reviews);
        Authentication authentication = new Authentication(store);
        app.before(ctx -> ctx.header(Headers.NODE, nodeName).header(Headers.SERVICE_TIME, String.valueOf(System.currentTimeMillis())));
        new RequestSize().register(app);
        authentication.registerCallers(app);
        kiosks.registerAdmission(app);
        authentication.registerSignatureCheck(app);
        new OpenApiRoutes(store, licenses, images, reviews).register(app);
        new FaceComparison(store, images, analyzers, limits.busyWaitMs()).register(app);
        kiosks.register(app);
        new Devices(store).register(app);
        images.register(app);
        new ReviewPage(new Reviewers(store, licenses, reviews), reviews, images).register(app);
        app.after(Routes.KIOSK_UPLOAD, ctx -> Optional.ofNullable(ctx.<String>attribute(JsonExchange.ANSWER_CODE))
                .ifPresent(metrics::upload));
        answerRefusals(app, metrics);

        operations.before(ctx -> ctx.header(Headers.NODE, nodeName));
        new Health(store::reachable, analyzers::loaded, store::hasAccounts, databaseFolder).register(operations);
        metrics.register(operations);
        authentication.registerFleetPage(operations);
        new FleetPage(store).register(operations);
        answerRefusals(operations, metrics);
    }

    private static void refuseInTheEnvelope(JavalinConfig config) {
        config.showJavalinBanner = false;
        config.http.maxRequestSize = RequestSize.MAX_UPLOAD_BYTES;
        config.jetty.modifyServer(server -> server.setErrorHandler(new Refusals()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new Refusals()));
    }

    private static ServerConnector plainConnector(Server server, HttpConfiguration http, Listener listener) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(listener.host());
        connector.setPort(listener.port());
        return connector;
    }

    private void answerRefusals(Javalin javalin, ServiceMetrics metrics) {
        javalin.exception(ServiceException.class, (e, ctx) -> refuse(ctx, e, metrics));
        javalin.exception(JsonParseException.class, (e, ctx) -> answer(ctx, Envelope.error("PARAMETER_ERROR", "The body is not valid JSON")));
        javalin.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, Refusals.of(e.getStatus())));
        javalin.error(HttpStatus.NOT_FOUND, ctx -> {
            if (!ctx.res().isCommitted() && ctx.attribute(ENVELOPE_SENT) == null) {
                answer(ctx, Refusals.of(HttpStatus.NOT_FOUND.getCode()));
            }
        });
        javalin.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> answer(ctx, Refusals.of(HttpStatus.METHOD_NOT_ALLOWED.getCode())));
        javalin.exception(Exception.class, (e, ctx) -> {
            Optional<String> disk = StorageUnavailable.reason(e);
            if (disk.isPresent()) {
                LOG.warn("Request to {}: the service cannot write its data ({}); answered SERVICE_BUSY", ctx.path(), disk.get());
                refuse(ctx, KioskRoutes.cannotWrite(), metrics);
                return;
            }
            LOG.error("Request to {} failed", ctx.path(), e);
            answer(ctx, Envelope.error("ERROR", "The service failed; try again"));
        });
    }

    private void refuse(Context ctx, ServiceException e, ServiceMetrics metrics) {
        metrics.refused(e.code());
        if (e.code().equals("SERVICE_BUSY")) {
            ctx.header(Headers.RETRY_AFTER, String.valueOf(KioskRoutes.RETRY_AFTER_SECONDS));
        } else {
            countRefusal(e.code());
        }
        answer(ctx, e.envelope());
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

    /**
     * A service keeping its data (SQLite database, key file) in {@code dataDirectory}. It makes no
     * account by itself: no key works until {@link Accounts#create} (or, for a kiosk's own service,
     * {@link Accounts#local}) made one.
     */
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
        return new LivenessServer(store(dataDirectory, databaseUrl, keys), databaseUrl.isPresent() ? Optional.empty()
                : Optional.of(dataDirectory), new Licenses(keys), models, limits);
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
     * Answers those who run the service (health, metrics, the fleet page) on {@code host:port} once
     * started; without it there is no such listener (a kiosk's own service). Port 0 picks a free port.
     */
    public LivenessServer management(String host, int port) {
        this.management = Optional.of(new Listener(host, port));
        return this;
    }

    /**
     * Speaks TLS only, with the PEM certificate chain and PKCS #8 key in these files, read again
     * whenever they change.
     *
     * @throws IllegalArgumentException naming the file that cannot be used, and why
     */
    public LivenessServer tls(Path certificateFile, Path keyFile) {
        this.tls = Optional.of(new TlsCertificate(certificateFile, keyFile));
        return this;
    }

    /**
     * Starts listening on {@code host}; port 0 picks a free port. Image links use
     * {@code http(s)://host:port} and the node calls itself {@code host:port} unless told otherwise.
     */
    public LivenessServer start(String host, int port) {
        api = new Listener(host, port);
        app.start();
        management.ifPresent(listener -> operations.start());
        tls.ifPresent(TlsCertificate::watch);
        Thread warmUp = new Thread(analyzers::warmUp, "analyzer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        retention.ifPresent(Retention::start);
        String address = api.address(app.port());
        if (publicUrl == null) {
            publicUrl = (tls.isPresent() ? "https://" : "http://") + address;
        }
        if (nodeName == null) {
            nodeName = address;
        }
        return this;
    }

    /** Whether any account may use the service: a new fleet has none until {@code accounts create} made one. */
    public boolean hasAccounts() {
        return store.hasAccounts();
    }

    /**
     * Why the service scored a result as an attack ({@code REPLAY}, {@code PRESENTATION_TEXTURE}, …),
     * for the operator of the kiosk it is embedded in: the kiosk and the service are one machine,
     * one operator. A standalone service answers no kiosk with it.
     */
    public Optional<String> attackReason(String livenessId) {
        return store.resultByLivenessIdAnyAccount(livenessId).flatMap(Store.StoredResult::attackReason);
    }

    /** What the same-person and replay checks added to this node's checks so far. */
    public IdentityCost identityCost() {
        return metrics.identityCost();
    }

    /** The service's accounts and their kiosks, on this service's own storage (the embedded service's challenge, too). */
    public Accounts accounts() {
        return accounts;
    }

    public int port() {
        return app.port();
    }

    /** The management listener's port, once started with one. */
    public int managementPort() {
        return operations.port();
    }

    Store store() {
        return store;
    }

    @Override
    public void close() {
        app.stop();
        operations.stop();
        tls.ifPresent(TlsCertificate::close);
        retention.ifPresent(Retention::stop);
        metrics.close();
        store.close();
    }
}
