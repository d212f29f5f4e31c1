package org.livenesskiosk.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final String ASSETS = "/fleet/assets/";
    /** What the page shows of the past. */
    static final int DAYS = 14;
    private static final long DAY_MS = 86_400_000;
    private static final Map<String, String> FILES = Map.of("fleet.css", "text/css; charset=utf-8", "fleet.js",
            "text/javascript; charset=utf-8");

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
        app.get(PAGE, ctx -> asset(ctx, "fleet.html", "text/html; charset=utf-8"));
        app.get(ASSETS + "{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!FILES.containsKey(file)) {
                throw new ServiceException("NOT_FOUND", "No such file");
            }
            asset(ctx, file, FILES.get(file));
        });
        app.get(SUMMARY, this::summary);
    }

    private void summary(Context ctx) {
        Store.Account account = Authentication.account(ctx);
        long since = System.currentTimeMillis() / DAY_MS * DAY_MS - (DAYS - 1) * DAY_MS;
        JsonExchange.answer(ctx, Envelope.ok(new Summary(account.name(), System.currentTimeMillis(), store.kiosks(account.id()),
                store.days(account.id(), since), store.refusals(Store.day(since)))));
        ctx.header("Cache-Control", "no-store");
    }

    /** A file of the page, with a policy that lets it run only its own script and style, and never in a frame. */
    private static void asset(Context ctx, String file, String type) {
        try (InputStream in = FleetPage.class.getResourceAsStream("/fleet/" + file)) {
            byte[] bytes = Optional.ofNullable(in).orElseThrow(() -> new IOException("/fleet/" + file + " is missing from the jar"))
                    .readAllBytes();
            ctx.contentType(type).header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache").result(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
