package org.livenesskiosk.server;

import static org.livenesskiosk.server.JsonExchange.answer;
import static org.livenesskiosk.server.JsonExchange.body;
import static org.livenesskiosk.server.JsonExchange.required;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.protocol.Envelope;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The kiosks' API: a license exchanged for a ticket and the account's challenge, and each
 * session's evidence re-checked and scored for a livenessId. Uploads are idempotent on the
 * kiosk's session id, and run after {@link Authentication} found the ticket's kiosk.
 */
final class KioskRoutes {

    private static final long TICKET_LIFETIME_MS = 600_000;
    static final int RETRY_AFTER_SECONDS = 5;
    static final int PASSING_SCORE = 50;
    /** A claimed action as the result keeps it when the kiosk named none it can be asked for. */
    static final String UNKNOWN_ACTION = "UNKNOWN";
    /** The best image, at full quality. */
    private static final int MAX_IMAGE_BYTES = 2 << 20;
    /** One recorded frame: a few times what a 480-pixel frame at the kiosk's quality takes. */
    private static final int MAX_FRAME_BYTES = 256 << 10;
    /** Frames per second a recording may hold: a camera's 30, and some slack. */
    private static final int MAX_FRAMES_PER_SECOND = 32;
    /** Recorded times may run past the challenge's limits by this much (the last frame's own time). */
    private static final long RECORDING_SLACK_MS = 2_000;
    /** How long one check may hold an analyser. */
    private static final long CHECK_DEADLINE_MS = 30_000;
    /** Recordings are compared with every session of this long ago, across the fleet, whatever became of its result. */
    static final long REPLAY_WINDOW_MS = 30L * 24 * 3_600_000;
    /** Uploads read at once per analyser: each holds its body in memory until it is checked. */
    private static final int UPLOADS_PER_ANALYZER = 4;
    private static final String HOLDS_UPLOAD_SLOT = "holdsUploadSlot";

    private final Store store;
    private final Licenses licenses;
    private final Challenges challenges;
    private final AnalyzerPool analyzers;
    private final ServiceMetrics metrics;
    private final DeviceLockout lockout;
    private final Semaphore uploadSlots;
    private final long busyWaitMs;
    /** The service's retention as set before it started ({@code serve --retention-days}), if any. */
    private final Supplier<Optional<Duration>> retention;
    private final ReviewQueue reviews;

    KioskRoutes(Store store, Licenses licenses, Challenges challenges, AnalyzerPool analyzers, ServiceMetrics metrics,
                ServiceLimits limits, Supplier<Optional<Duration>> retention, ReviewQueue reviews) {
        this.retention = retention;
        this.reviews = reviews;
        this.store = store;
        this.licenses = licenses;
        this.challenges = challenges;
        this.analyzers = analyzers;
        this.metrics = metrics;
        this.lockout = new DeviceLockout(store, limits.lockoutMs());
        this.uploadSlots = new Semaphore(limits.concurrentChecks() * UPLOADS_PER_ANALYZER, true);
        this.busyWaitMs = limits.busyWaitMs();
    }

    /** {@code SERVICE_BUSY}: the answer carries {@code Retry-After}. */
    static ServiceException busy() {
        return new ServiceException("SERVICE_BUSY", "The service is busy; retry in " + RETRY_AFTER_SECONDS + " s");
    }

    /** {@code SERVICE_BUSY} for a disk that cannot take a write ({@link StorageUnavailable}): the kiosk keeps the upload and comes back. */
    static ServiceException cannotWrite() {
        return new ServiceException("SERVICE_BUSY", "The service cannot write its data now (disk full or read-only); retry in "
                + RETRY_AFTER_SECONDS + " s");
    }

    /**
     * Lets an upload in before its body is read, when one of the few upload slots is free: the
     * bodies held in memory at once stay bounded however many kiosks upload together. One turned
     * away still counts as arrived in time: its challenge is bound to its session (named in the
     * headers), so that it is taken when the kiosk comes back, however long the service stays busy.
     */
    void admitUpload(Context ctx) throws InterruptedException {
        if (!uploadSlots.tryAcquire(busyWaitMs, TimeUnit.MILLISECONDS)) {
            Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
            String challengeId = ctx.header(Headers.KIOSK_CHALLENGE);
            String sessionId = ctx.header(Headers.KIOSK_SESSION);
            if (challengeId != null && sessionId != null) {
                challenges.arrived(challengeId, kiosk.accountId(), kiosk.deviceId(), sessionId, System.currentTimeMillis());
            }
            throw busy();
        }
        ctx.attribute(HOLDS_UPLOAD_SLOT, true);
    }

    void releaseUpload(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(HOLDS_UPLOAD_SLOT))) {
            uploadSlots.release();
        }
    }

    /** The upload's admission comes before anything reads its body, authentication included. */
    void registerAdmission(Javalin app) {
        app.before(Routes.KIOSK_UPLOAD, this::admitUpload);
        app.after(Routes.KIOSK_UPLOAD, this::releaseUpload);
    }

    void register(Javalin app) {
        app.post(Routes.KIOSK_AUTHORIZE, this::authorize);
        app.post(Routes.KIOSK_CHALLENGE, this::challenge);
        app.post(Routes.KIOSK_LIGHT, this::light);
        app.post(Routes.KIOSK_UPLOAD, this::upload);
        app.post(Routes.KIOSK_REVIEWS, this::reviews);
    }

    /** The numbers a kiosk's consent states: this service's own retention and replay window. */
    KioskApi.Keeping keeping() {
        return new KioskApi.Keeping(retention.get().map(keep -> (int) keep.toDays()).orElse(null),
                (int) Duration.ofMillis(REPLAY_WINDOW_MS).toDays());
    }

    private void authorize(Context ctx) {
        KioskApi.AuthorizeRequest request = body(ctx, KioskApi.AuthorizeRequest.class);
        Licenses.License license = licenses.read(required(request.license(), "license"))
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR", "The license was not issued by this service"));
        String applicationId = required(request.applicationId(), "applicationId");
        if (!license.market().equals(required(request.market(), "market"))) {
            throw new ServiceException("AUTH_PARAMETER_ERROR", "The market does not match the account's");
        }
        Store.Account account = store.accountById(license.accountId())
                .orElseThrow(() -> new ServiceException("AUTH_PARAMETER_ERROR", "The license's account does not exist"));
        if (!account.enabled()) {
            throw new ServiceException("AUTH_ACCOUNT_ACCESS_DENIED", "This account may not use liveness detection");
        }
        if ((!license.applicationIds().isEmpty() && !license.applicationIds().contains(applicationId))
                || !store.hasApplication(account.id(), applicationId)) {
            throw new ServiceException("AUTH_IAM_FAILED", "The application id " + applicationId + " is not registered");
        }
        long now = System.currentTimeMillis();
        if (license.expiresAt() <= now) {
            throw new ServiceException("AUTH_TICKET_DISABLE", "The license has expired");
        }
        Store.Device device = Authentication.device(ctx);
        if (!device.accountId().equals(account.id())) {
            throw new ServiceException("AUTH_PARAMETER_ERROR", "The license belongs to another account than this kiosk");
        }
        String deviceId = device.id();
        store.deviceReport(deviceId, Optional.ofNullable(request.version()).orElse("unknown"),
                Optional.ofNullable(request.outboxBacklog()).filter(backlog -> backlog >= 0));
        lockout.refuseIfLocked(account.id(), deviceId, now);
        String ticket = SecretBox.randomToken();
        long expiresAt = Math.min(license.expiresAt(), now + TICKET_LIFETIME_MS);
        store.saveTicket(Sha256.hex(ticket), account.id(), applicationId, deviceId, expiresAt);
        answer(ctx, Envelope.ok(new KioskApi.AuthorizeAnswer(ticket, expiresAt, store.settings(account.id()), keeping())));
    }

    private void challenge(Context ctx) {
        Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
        KioskApi.ChallengeRequest request = body(ctx, KioskApi.ChallengeRequest.class);
        lockout.refuseIfLocked(kiosk.accountId(), kiosk.deviceId(), System.currentTimeMillis());
        answer(ctx, Envelope.ok(challenges.issue(kiosk.accountId(), kiosk.deviceId(), request).answer()));
    }

    private void light(Context ctx) {
        Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
        KioskApi.LightRequest request = body(ctx, KioskApi.LightRequest.class);
        answer(ctx, Envelope.ok(new KioskApi.LightAnswer(challenges.reveal(required(request.challengeId(), "challengeId"),
                kiosk.accountId(), kiosk.deviceId(), System.currentTimeMillis()).flashes())));
    }

    private void upload(Context ctx) {
        Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
        UploadRequest evidence = body(ctx, UploadRequest.class);
        if (evidence.sessionId() == null || evidence.sessionId().isBlank() || evidence.sessionId().length() > Challenges.MAX_SESSION_ID) {
            throw new ServiceException("PARAMETER_ERROR", "sessionId is required (at most 64 characters)");
        }
        Optional<Store.StoredResult> earlier = store.resultBySession(kiosk.accountId(), evidence.sessionId());
        if (earlier.isPresent()) {
            answer(ctx, Envelope.ok(uploadAnswer(earlier.get().livenessId(), earlier.get().score())));
            return;
        }
        if (evidence.signatureId() != null && !store.signatureIdExists(kiosk.accountId(), evidence.signatureId())) {
            throw new ServiceException("PARAMETER_ERROR", "The signatureId is unknown");
        }
        long now = System.currentTimeMillis();
        Challenges.Challenge challenge = challenges.claim(required(evidence.challengeId(), "challengeId"), kiosk.accountId(),
                kiosk.deviceId(), evidence.sessionId(), now);
        UploadChecks.requireWellFormed(evidence, challenge, MAX_FRAMES_PER_SECOND, RECORDING_SLACK_MS, MAX_FRAME_BYTES,
                MAX_IMAGE_BYTES);
        lockout.refuseIfLocked(kiosk.accountId(), kiosk.deviceId(), now);
        SessionCheck.Verdict verdict = analyzers.withAnalyzer(busyWaitMs,
                analyzer -> metrics.check(() -> SessionCheck.check(challenge, evidence, analyzer,
                        System.nanoTime() + CHECK_DEADLINE_MS * 1_000_000)));
        Optional<Fingerprints.Replay> replay = verdict.attackType().equals(Optional.of(SessionCheck.INJECTION)) ? Optional.empty()
                : Optional.of(earlierSessions(verdict.fingerprints(), kiosk, now));
        verdict = replay.map(verdict::after).orElse(verdict);
        String livenessId = SecretBox.randomToken();
        Optional<byte[]> bestImage = SessionCheck.decoded(evidence.bestImage()).map(store::encrypt);
        Optional<Store.FarNearImages> farNearImages = farNearImages(evidence.farNear());
        // The portrait on the customer's document, when the operator had the kiosk capture it: kept like the best image.
        Optional<byte[]> documentPortrait = Optional.ofNullable(evidence.documentPortrait()).flatMap(SessionCheck::decoded)
                .map(store::encrypt);
        // Another node may have checked the same session at the same time: the first result stored stands.
        Store.StoredResult stored = store.saveResult(new Store.StoredResult(livenessId, kiosk.accountId(), evidence.sessionId(),
                Optional.ofNullable(evidence.signatureId()), Optional.ofNullable(evidence.userId()), verdict.score(),
                verdict.attackType(), verdict.reason(), Optional.ofNullable(evidence.sdkVersion()).orElse("unknown"),
                Optional.ofNullable(evidence.platform()).orElse("unknown"), bestImage, AuditFrame.of(evidence).map(store::encrypt),
                farNearImages, verdict.light().map(Enum::name), documentPortrait, Optional.of(observed(evidence, verdict, replay))),
                verdict.fingerprints(), kiosk.deviceId(), now);
        if (stored.livenessId().equals(livenessId) && stored.attackType().isPresent()) {
            // An attack counts against the kiosk; a customer left to a person's look does not.
            lockout.failed(kiosk.accountId(), kiosk.deviceId(), now);
        }
        answer(ctx, Envelope.ok(uploadAnswer(stored.livenessId(), stored.score())));
    }

    /**
     * The bank's review of the sessions this kiosk sent: the status, when and why, never who decided.
     * Only the kiosk the result came from is answered, so that a kiosk learns nothing of another's
     * customers, even of its own account.
     */
    private void reviews(Context ctx) {
        Authentication.Kiosk kiosk = Authentication.kiosk(ctx);
        List<String> sessionIds = Optional.ofNullable(body(ctx, KioskApi.ReviewsRequest.class).sessionIds()).orElse(List.of());
        if (sessionIds.size() > KioskApi.ReviewsRequest.MAX_REVIEWS) {
            throw new ServiceException("PARAMETER_ERROR", "At most " + KioskApi.ReviewsRequest.MAX_REVIEWS + " sessionIds at once");
        }
        if (sessionIds.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > Challenges.MAX_SESSION_ID)) {
            throw new ServiceException("PARAMETER_ERROR", "Each sessionId is 1 to " + Challenges.MAX_SESSION_ID + " characters");
        }
        List<KioskApi.SessionReview> found = new ArrayList<>();
        for (Store.KioskSession session : store.queuedSessionsOf(kiosk.accountId(), kiosk.deviceId(),
                sessionIds.stream().distinct().toList())) {
            reviews.review(kiosk.accountId(), session.livenessId()).ifPresent(review -> found.add(new KioskApi.SessionReview(
                    session.sessionId(), KioskApi.ReviewStatus.valueOf(review.status().name()), review.reviewedAt().orElse(null),
                    review.reason().orElse(null))));
        }
        answer(ctx, Envelope.ok(new KioskApi.ReviewsAnswer(found)));
    }

    /**
     * The far/near stage's images, encrypted like the best image, at the times the kiosk claims (which
     * a verified session's re-run bore out); kept for an auditor whatever the verdict.
     */
    private Optional<Store.FarNearImages> farNearImages(UploadRequest.FarNear stage) {
        if (stage == null) {
            return Optional.empty();
        }
        Optional<byte[]> far = SessionCheck.decoded(stage.farImage());
        Optional<byte[]> near = SessionCheck.decoded(stage.nearImage());
        if (far.isEmpty() || near.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Store.FarNearImages(store.encrypt(far.get()), stage.farAtMs(), store.encrypt(near.get()),
                stage.nearAtMs()));
    }

    /**
     * What the reviewer will read of the session beside its images. A claim naming no action the
     * kiosk can ask for is kept as {@value #UNKNOWN_ACTION}: the reviewer sees that something was
     * claimed, and the column stays within its size whatever a forged upload sends.
     */
    private static Store.Observed observed(UploadRequest evidence, SessionCheck.Verdict verdict, Optional<Fingerprints.Replay> replay) {
        List<UploadRequest.Action> claimed = evidence.actions().stream().filter(Objects::nonNull)
                .map(claim -> Arrays.stream(ActionType.values()).anyMatch(type -> type.name().equals(claim.action())) ? claim
                        : new UploadRequest.Action(UNKNOWN_ACTION, claim.atMs()))
                .toList();
        List<Long> times = evidence.recording().timesMs();
        List<LightSequence.Shown> shown = Optional.ofNullable(evidence.light()).orElse(List.of());
        Optional<Store.Span> light = shown.isEmpty() ? Optional.empty()
                : Optional.of(new Store.Span(shown.get(0).fromMs(), shown.get(shown.size() - 1).toMs()));
        return new Store.Observed(claimed, times.get(times.size() - 1), light, verdict.cues(), replay);
    }

    private static KioskApi.UploadAnswer uploadAnswer(String livenessId, int score) {
        return new KioskApi.UploadAnswer(livenessId, score >= PASSING_SCORE ? KioskApi.Verdict.VERIFIED : KioskApi.Verdict.MANUAL_CHECK);
    }

    /**
     * What the recording's frames are to earlier sessions' pictures, whichever kiosk or account sent
     * them: the sessions of a face like its own are looked up in the replay index and compared.
     */
    private Fingerprints.Replay earlierSessions(Fingerprints recording, Authentication.Kiosk kiosk, long now) {
        store.deleteFingerprintsBefore(now - REPLAY_WINDOW_MS);
        return metrics.replayLookup(() -> recording.probes()
                .map(probes -> store.withFingerprintsIn(probes, now - REPLAY_WINDOW_MS,
                        earlier -> recording.replayOf(earlier, kiosk.accountId(), kiosk.deviceId(), now)))
                .orElse(Fingerprints.Replay.NONE));
    }
}
