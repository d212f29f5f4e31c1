package org.livenesskiosk.server;

import java.util.Optional;

import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.Routes;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Who is calling, checked before any route runs: the open API's calls carry an account's token;
 * every kiosk request is signed by an enrolled kiosk ({@link RequestSignatures}), and its uploads
 * carry a ticket issued to that same kiosk. Tokens and tickets are looked up by their hash only.
 * Everything but the kiosk's signature is judged from the headers ({@link #registerCallers}); the
 * signature, which covers the body, after the route's admission ({@link #registerSignatureCheck}).
 */
final class Authentication {

    /** The kiosk behind a ticket: its account and the device the ticket was issued to. */
    record Kiosk(String accountId, String deviceId) {
    }

    private static final String ACCOUNT = "account";
    private static final String KIOSK = "kiosk";

    private final Store store;
    private final RequestSignatures signatures;

    Authentication(Store store) {
        this.store = store;
        this.signatures = new RequestSignatures(store);
    }

    /** Who calls, from the headers alone: before any body is read. */
    void registerCallers(Javalin app) {
        signatures.registerIdentify(app);
        for (String path : new String[] {Routes.AUTH_LICENSE, Routes.GENERATE_SIGNATURE_ID, Routes.DETECTION_RESULT,
                Routes.DELETE_RESULT, Routes.FACE_COMPARE}) {
            app.before(path, ctx -> ctx.attribute(ACCOUNT, tokenAccount(ctx)));
        }
        for (String path : new String[] {Routes.KIOSK_CHALLENGE, Routes.KIOSK_LIGHT, Routes.KIOSK_UPLOAD, Routes.KIOSK_REVIEWS}) {
            app.before(path, ctx -> ctx.attribute(KIOSK, ticketKiosk(ctx)));
        }
    }

    /** The fleet page's figures, on the management listener, for the account whose token asks. */
    void registerFleetPage(Javalin operations) {
        operations.before(FleetPage.SUMMARY, ctx -> ctx.attribute(ACCOUNT, tokenAccount(ctx)));
    }

    /** The kiosk's signature over the request, body included. */
    void registerSignatureCheck(Javalin app) {
        signatures.registerVerify(app);
    }

    /** The account whose token the request carried; only on the routes that ask for one. */
    static Store.Account account(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }

    /** The enrolled kiosk that signed the request: on every kiosk route but the enrolment. */
    static Store.Device device(Context ctx) {
        return RequestSignatures.device(ctx)
                .orElseThrow(() -> new ServiceException("AUTH_IAM_FAILED", "This kiosk is not enrolled with the service"));
    }

    /** The kiosk whose ticket the request carried; only on the routes that ask for one (all but enrolment and authorization). */
    static Kiosk kiosk(Context ctx) {
        return ctx.attribute(KIOSK);
    }

    private Store.Account tokenAccount(Context ctx) {
        String token = Optional.ofNullable(ctx.header(Headers.ACCESS_TOKEN))
                .orElseThrow(() -> new ServiceException("IAM_FAILED", Headers.ACCESS_TOKEN + " is required"));
        Store.Account account = store.accountOfToken(Sha256.hex(token), System.currentTimeMillis())
                .flatMap(store::accountById)
                .orElseThrow(() -> new ServiceException("IAM_FAILED", "The access token is unknown or has expired"));
        if (!account.enabled()) {
            throw disabled();
        }
        return account;
    }

    /**
     * The open API's refusal of a disabled account's keys and tokens: a code of its own, so that a
     * kiosk tells its operator to call the provider rather than to check its keys.
     */
    static ServiceException disabled() {
        return new ServiceException("ACCOUNT_DISABLED", "This account is disabled: it may not use liveness detection");
    }

    private Kiosk ticketKiosk(Context ctx) {
        String ticket = Optional.ofNullable(ctx.header(Headers.KIOSK_TICKET))
                .orElseThrow(() -> new ServiceException("AUTH_TICKET_DISABLE", "No kiosk ticket: authorize first"));
        String hash = Sha256.hex(ticket);
        String accountId = store.accountOfTicket(hash, System.currentTimeMillis())
                .orElseThrow(() -> new ServiceException("AUTH_TICKET_DISABLE", "The kiosk ticket is unknown or has expired"));
        Store.Device device = device(ctx);
        if (!store.deviceOfTicket(hash).filter(device.id()::equals).isPresent()) {
            throw new ServiceException("AUTH_TICKET_DISABLE", "The kiosk ticket was issued to another kiosk");
        }
        return new Kiosk(accountId, device.id());
    }
}
