package org.livenesskiosk.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What one node tells Prometheus at {@value #PATH}: the checks it runs and how long they take,
 * its uploads by the answer's code, its busy answers and lock-outs, the backlog the fleet's kiosks
 * report (read from the database, so every node tells the same), and its JVM. Counts and codes
 * only: never an id, a key or anything of a customer. Closed with its node: the JVM's collectors
 * would otherwise keep telling the registry of every node this process ever ran.
 */
final class ServiceMetrics implements AutoCloseable {

    static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger checksInFlight = new AtomicInteger();
    private final Timer checkDuration;
    private final Timer faceEmbeddings;
    private final Timer replayLookups;
    private final Counter busyAnswers;
    private final Counter lockouts;
    private final JvmGcMetrics collections = new JvmGcMetrics();

    ServiceMetrics(Store store) {
        Gauge.builder("liveness_checks_in_flight", checksInFlight, AtomicInteger::get)
                .description("Sessions being re-checked on this node now").register(registry);
        checkDuration = Timer.builder("liveness_check_duration").description("How long the re-check of a session took")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        faceEmbeddings = Timer.builder("liveness_face_embedding_duration")
                .description("How long one face of a recording took to embed (the same-person and replay checks)").register(registry);
        replayLookups = Timer.builder("liveness_replay_lookup_duration")
                .description("How long a session's look-up in the replay index and its comparisons took").register(registry);
        busyAnswers = Counter.builder("liveness_busy_answers").description("SERVICE_BUSY answers: a kiosk told to come back")
                .register(registry);
        lockouts = Counter.builder("liveness_lockouts").description("Requests refused because the kiosk is locked out (DEVICE_LOCKED)")
                .register(registry);
        Gauge.builder("liveness_kiosk_outbox_backlog", store, Store::outboxBacklog)
                .description("Sessions waiting in the fleet's kiosks' outboxes, as each kiosk last reported").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        collections.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    void register(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }

    /** Runs a check, counted in flight and timed. */
    <T> T check(Supplier<T> check) {
        checksInFlight.incrementAndGet();
        try {
            return checkDuration.record(check);
        } finally {
            checksInFlight.decrementAndGet();
        }
    }

    Timer faceEmbeddings() {
        return faceEmbeddings;
    }

    /** Runs a session's look-up in the replay index, timed. */
    <T> T replayLookup(Supplier<T> lookup) {
        return replayLookups.record(lookup);
    }

    /** The time spent embedding faces and looking up replays, over the checks since the start. */
    IdentityCost identityCost() {
        return new IdentityCost(checkDuration.count(), faceEmbeddings.count(), faceEmbeddings.totalTime(TimeUnit.MILLISECONDS),
                replayLookups.count(), replayLookups.totalTime(TimeUnit.MILLISECONDS));
    }

    /** An upload answered with {@code code} ({@code SUCCESS} or a refusal's). */
    void upload(String code) {
        registry.counter("liveness_uploads", "code", code).increment();
    }

    /** Any answer that was a refusal: busy answers and lock-outs have their own counts. */
    void refused(String code) {
        if (code.equals("SERVICE_BUSY")) {
            busyAnswers.increment();
        } else if (code.equals("DEVICE_LOCKED")) {
            lockouts.increment();
        }
    }

    /** Stops listening to the JVM's collections, whose listeners would keep this registry for the life of the process. */
    @Override
    public void close() {
        collections.close();
        registry.close();
    }
}
