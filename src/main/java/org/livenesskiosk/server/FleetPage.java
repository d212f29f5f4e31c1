package org.livenesskiosk.server;

import java.util.List;

import org.livenesskiosk.protocol.Envelope;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The page of a bank's operations team: the account's kiosks (device, branch, last seen, version,
 * outbox backlog), its sessions per day with their verdicts, and the codes the service refused
 * requests with. The page itself is static (HTML, CSS, JS from the jar, nothing of the bank in it);
 * its figures come from {@value #SUMMARY}, which asks for the account's token like every open-API
 * call. Counts, ids and labels only: never an image or a customer's reference.
 */
final class FleetPage {

    static final String PAGE = "/fleet";
    static final String SUMMARY = "/fleet/v1/summary";
    /** Its own script and style only, never in a frame. */
    static final String POLICY = "default-src 'self'; frame-ancestors 'none'";
    /** What the page shows of the past. */
    static final int DAYS = 14;
    private static final long DAY_MS = 86_400_000;

    /** One kiosk as the page lists it; times in milliseconds. */
    record Kiosk(String device, String branch, Long lastSeen, String version, Integer outboxBacklog, boolean revoked) {
    }

    /** One day's sessions of the account: verified, suggested for a manual check, failed (an attack found). */
    record Day(String day, int sessions, int verified, int manualCheck, int failed) {
    }

    /** How often the service refused requests with a code on a day, whichever account they came from. */
    record Refusal(String day, String code, long answers) {
    }

    record Summary(String account, long generatedAt, List<Kiosk> kiosks, List<Day> days, List<Refusal> refusals) {
    }

    private final Store store;

    FleetPage(Store store) {
        this.store = store;
    }

    void register(Javalin app) {
        PageFiles.register(app, "fleet", POLICY);
        app.get(SUMMARY, this::summary);
    }

    private void summary(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        long since = System.currentTimeMillis() / DAY_MS * DAY_MS - (DAYS - 1) * DAY_MS;
        JsonExchange.answer(ctx, Envelope.ok(new Summary(account.name(), System.currentTimeMillis(), store.kiosks(account.id()),
                store.days(account.id(), since), store.refusals(Store.day(since)))));
        ctx.header("Cache-Control", "no-store");
    }
}
