package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.protocol.Envelope;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The reviewers' page, on the service's API listener where the bank's desks reach it: sign in, the
 * account's queue, a session's stored images and verdict, approve or reject with a reason. The page
 * is static (HTML, CSS, JS from the jar); its data comes from the routes under {@value #API}, which
 * know the reviewer by a cookie that is HttpOnly (no script reads it), Secure (never sent over plain
 * HTTP but to localhost) and SameSite=Strict (no other site's page sends it); every change also
 * carries the session's CSRF token in {@value #CSRF_HEADER}. Refusals are the envelope with its code.
 */
final class ReviewPage {

    static final String PAGE = "/review";
    static final String API = "/review/v1";
    static final String SIGN_IN = API + "/sign-in";
    static final String SIGN_OUT = API + "/sign-out";
    static final String ME = API + "/me";
    static final String QUEUE = API + "/queue";
    static final String SESSION = API + "/sessions/{livenessId}";
    static final String IMAGES = SESSION + "/images/{kind}";
    static final String DECISION = SESSION + "/decision";
    static final String COOKIE = "review_session";
    static final String CSRF_HEADER = "X-Review-CSRF";
    /** Its own script and style only, images from the service itself, no frame, no form to elsewhere, no plugin. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    record SignInRequest(String name, String password) {
        @Override
        public String toString() {
            return "SignInRequest[" + name + "]";
        }
    }

    record DecisionRequest(String decision, String reason) {
    }

    /** Who is signed in, and the token the page sends with each change. */
    record Me(String reviewer, String csrfToken) {
    }

    record Queue(String reviewer, List<ReviewQueue.Listed> sessions) {
    }

    record Decided(String livenessId, int number, String reviewStatus, long reviewedAt) {
    }

    private final Reviewers reviewers;
    private final ReviewQueue queue;
    private final ResultImages images;

    ReviewPage(Reviewers reviewers, ReviewQueue queue, ResultImages images) {
        this.reviewers = reviewers;
        this.queue = queue;
        this.images = images;
    }

    void register(Javalin app) {
        PageFiles.register(app, "review", POLICY);
        app.post(SIGN_IN, this::signIn);
        app.get(ME, ctx -> {
            Reviewers.SignedIn signedIn = signedIn(ctx);
            json(ctx, new Me(signedIn.reviewer().name(), reviewers.csrfToken(signedIn.token())));
        });
        app.post(SIGN_OUT, ctx -> {
            Reviewers.SignedIn signedIn = changing(ctx);
            reviewers.signOut(signedIn.reviewer(), signedIn.token(), System.currentTimeMillis());
            ctx.header("Set-Cookie", cookie("", 0));
            json(ctx, new Me(signedIn.reviewer().name(), null));
        });
        app.get(QUEUE, ctx -> {
            Reviewers.SignedIn signedIn = signedIn(ctx);
            json(ctx, new Queue(signedIn.reviewer().name(), queue.list(signedIn.reviewer())));
        });
        app.get(SESSION, ctx -> json(ctx, queue.open(signedIn(ctx).reviewer(), ctx.pathParam("livenessId"), System.currentTimeMillis())));
        app.get(IMAGES, this::image);
        app.post(DECISION, this::decide);
    }

    private void signIn(Context ctx) {
        // Another site's form can post here, but not as JSON without the browser asking this service
        // first, which it never allows: no page elsewhere signs a reviewer's browser in as someone else.
        if (!Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")) {
            throw new ServiceException("CSRF_FAILED", "Sign in from the review page");
        }
        SignInRequest request = body(ctx, SignInRequest.class);
        Reviewers.SignedIn signedIn = reviewers.signIn(request.name(), request.password(), System.currentTimeMillis());
        ctx.header("Set-Cookie", cookie(signedIn.token(), Reviewers.LONGEST_MS / 1000));
        json(ctx, new Me(signedIn.reviewer().name(), reviewers.csrfToken(signedIn.token())));
    }

    private void image(Context ctx) {
        Reviewers.SignedIn signedIn = signedIn(ctx);
        ResultImages.Kind kind;
        try {
            kind = ResultImages.Kind.valueOf(ctx.pathParam("kind"));
        } catch (IllegalArgumentException e) {
            throw ReviewQueue.unknown();
        }
        byte[] jpeg = queue.image(signedIn.reviewer(), ctx.pathParam("livenessId"), kind, images);
        ctx.contentType("image/jpeg").header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").result(jpeg);
    }

    private void decide(Context ctx) {
        Reviewers.SignedIn signedIn = changing(ctx);
        DecisionRequest request = body(ctx, DecisionRequest.class);
        ReviewQueue.Status decision;
        try {
            decision = ReviewQueue.Status.valueOf(Optional.ofNullable(request.decision()).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ServiceException("PARAMETER_ERROR", "decision is APPROVED or REJECTED");
        }
        Store.ReviewAction decided = queue.decide(signedIn.reviewer(), ctx.pathParam("livenessId"), decision, request.reason(),
                System.currentTimeMillis());
        json(ctx, new Decided(decided.livenessId().orElseThrow(), decided.decisionNo().orElseThrow(), decided.action(), decided.at()));
    }

    private Reviewers.SignedIn signedIn(Context ctx) {
        String token = Optional.ofNullable(ctx.cookie(COOKIE)).filter(value -> !value.isEmpty())
                .orElseThrow(ReviewPage::signedOut);
        return reviewers.ofSession(token, System.currentTimeMillis()).map(reviewer -> new Reviewers.SignedIn(token, reviewer))
                .orElseThrow(ReviewPage::signedOut);
    }

    /** A session's change: its CSRF token must come with it, from the page the session was given to. */
    private Reviewers.SignedIn changing(Context ctx) {
        Reviewers.SignedIn signedIn = signedIn(ctx);
        String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElse("");
        if (!MessageDigest.isEqual(reviewers.csrfToken(signedIn.token()).getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ServiceException("CSRF_FAILED", "This change did not come from the review page: reload it");
        }
        return signedIn;
    }

    private static ServiceException signedOut() {
        return new ServiceException("REVIEWER_SIGNED_OUT", "Sign in: the session is unknown, ended or expired");
    }

    private static String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/review; Max-Age=" + maxAgeSeconds + "; HttpOnly; Secure; SameSite=Strict";
    }

    private static void json(Context ctx, Object data) {
        answer(ctx, Envelope.ok(data));
        ctx.header("Cache-Control", "no-store");
    }
}
