package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.livenesskiosk.liveness.PassiveCues;

import com.google.gson.Gson;

/**
 * The sessions the service left to a person (and the share of verified ones the account has
 * reviewed as well, {@code accounts review-sample}), and what the bank's reviewers did with them. A
 * reviewer sees only the queue of their own account: a session of another account is answered as
 * unknown, exactly as one that does not exist, so that its existence does not leak. Every action
 * (signing in, opening a session, deciding; the administrator disabling a reviewer or resetting
 * their password) is appended to the audit, signed with the service's key; a decision is never
 * changed, only superseded by a later one, and both stay.
 */
final class ReviewQueue {

    /** What the open API says of a session's review. */
    enum Status { PENDING, APPROVED, REJECTED }

    /** The audit's actions. */
    static final String SIGN_IN = "SIGN_IN";
    static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    static final String SIGN_OUT = "SIGN_OUT";
    static final String VIEW = "VIEW";
    /**
     * The service's administrator's actions on a reviewer ({@code accounts disable-reviewer},
     * {@code enable-reviewer}, {@code reset-reviewer-password}).
     */
    static final String DISABLED = "DISABLED";
    static final String ENABLED = "ENABLED";
    static final String PASSWORD_RESET = "PASSWORD_RESET";

    /** The longest reason a reviewer may give, the audit's column. */
    static final int MAX_REASON = 500;
    /** What the queue lists at most: a desk works the newest. */
    static final int LISTED = 200;

    private static final Gson GSON = new Gson();

    /** A session's review for the open API; the reviewer's id is for the account's own caller. */
    record Review(Status status, Optional<Long> reviewedAt, Optional<String> reason, Optional<String> reviewerId) {
    }

    /** One queued session as the page lists it. */
    record Listed(String livenessId, long storedAt, int score, String reason, String reviewStatus, Long reviewedAt) {
    }

    /**
     * One session as the reviewer opens it: what the service stored of it, no more.
     *
     * @param images   the kinds of image the result still has ({@link ResultImages.Kind}), each at
     *                 {@link ReviewPage#IMAGES}; none once the retention deleted them
     * @param timeline null for a result stored before the service kept it, as is {@code replay}; the cues are empty then
     * @param replay   what the replay look-up found ({@link Fingerprints.Replay}); null when an injection was found before it
     */
    record Opened(String livenessId, String sessionId, int score, String attackType, String reason, String lightCheck,
                  Long farImageTime, Long nearImageTime, List<String> images, Timeline timeline, List<Cue> cues, String replay,
                  List<Decision> decisions) {
    }

    /** What happened when in the recording, in its milliseconds, in the order it happened. */
    record Timeline(long recordingMs, List<Moment> moments) {
    }

    /**
     * @param kind   {@code ACTION} (claimed by the kiosk), {@code FAR} and {@code NEAR} (the stage's ends), or {@code LIGHT}
     *               (its colours on screen, from–to)
     * @param action the action claimed, for an {@code ACTION}
     */
    record Moment(String kind, String action, long fromMs, long toMs) {
    }

    /**
     * A passive cue as the re-run measured it.
     *
     * @param value    the median the rules read (texture P(real), shape residual in eye distances, perspective ratio); null
     *                 when not measured
     * @param measured over how many frames (texture) or pairs of views (shape); null for the perspective, one measure
     * @param reading  LIVE, UNSURE, ATTACK or ABSENT ({@link PassiveCues.Reading})
     */
    record Cue(String name, Double value, Integer measured, String reading) {
    }

    /** A decision as the page shows it, superseded ones too. */
    record Decision(int number, String decision, long at, String reviewer, String reason) {
    }

    private final Store store;
    private final Licenses signer;

    ReviewQueue(Store store, Licenses signer) {
        this.store = store;
        this.signer = signer;
    }

    /**
     * Whether a verdict is left to a person: below the passing score, and no presentation or
     * injection found (the kiosk's "manual check", the fleet page's count).
     */
    static boolean leftToAPerson(int score, Optional<String> attackType) {
        return score < KioskRoutes.PASSING_SCORE
                && !attackType.filter(type -> type.equals(SessionCheck.PRESENTATION) || type.equals(SessionCheck.INJECTION)).isPresent();
    }

    /** The session's review: the decision in force, or pending while queued; none for a session never queued. */
    Optional<Review> review(String accountId, String livenessId) {
        Optional<Store.ReviewAction> decision = store.decision(accountId, livenessId);
        if (decision.isPresent()) {
            Store.ReviewAction found = decision.get();
            return Optional.of(new Review(Status.valueOf(found.action()), Optional.of(found.at()), found.reason(),
                    Optional.of(found.reviewerId())));
        }
        return store.queued(accountId, livenessId)
                ? Optional.of(new Review(Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty()))
                : Optional.empty();
    }

    List<Listed> list(Store.Reviewer reviewer) {
        return store.queue(reviewer.accountId(), LISTED).stream().map(queued -> new Listed(queued.livenessId(), queued.storedAt(),
                queued.score(), queued.attackReason().orElse(null),
                queued.decision().map(Store.ReviewAction::action).orElse(Status.PENDING.name()),
                queued.decision().map(Store.ReviewAction::at).orElse(null))).toList();
    }

    /** The session, if it is in the reviewer's account's queue; the opening is audited with what it shows. */
    Opened open(Store.Reviewer reviewer, String livenessId, long now) {
        Store.StoredResult result = queuedResult(reviewer, livenessId);
        List<String> images = images(result);
        List<Decision> decisions = new ArrayList<>();
        for (Store.ReviewAction action : store.reviewActions(reviewer.accountId(), livenessId)) {
            action.decisionNo().ifPresent(number -> decisions.add(new Decision(number, action.action(), action.at(),
                    action.reviewerId(), action.reason().orElse(""))));
        }
        Optional<Store.Observed> observed = result.observed();
        Opened opened = new Opened(result.livenessId(), result.sessionId(), result.score(),
                result.attackType().orElse(null), result.attackReason().orElse(null), result.lightCheck().orElse(null),
                result.farNearImages().map(Store.FarNearImages::farAtMs).orElse(null),
                result.farNearImages().map(Store.FarNearImages::nearAtMs).orElse(null), images,
                observed.map(found -> timeline(found, result.farNearImages())).orElse(null),
                observed.flatMap(Store.Observed::cues).map(ReviewQueue::cues).orElse(List.of()),
                observed.flatMap(Store.Observed::replay).map(Enum::name).orElse(null), decisions);
        append(reviewer, VIEW, Optional.of(livenessId), Optional.empty(), Optional.of(seen(result, images)), Optional.empty(), now);
        return opened;
    }

    private static Timeline timeline(Store.Observed observed, Optional<Store.FarNearImages> stage) {
        List<Moment> moments = new ArrayList<>();
        observed.actions().forEach(claim -> moments.add(new Moment("ACTION", claim.action(), claim.atMs(), claim.atMs())));
        stage.ifPresent(ends -> {
            moments.add(new Moment("FAR", null, ends.farAtMs(), ends.farAtMs()));
            moments.add(new Moment("NEAR", null, ends.nearAtMs(), ends.nearAtMs()));
        });
        observed.light().ifPresent(span -> moments.add(new Moment("LIGHT", null, span.fromMs(), span.toMs())));
        moments.sort(Comparator.comparingLong(Moment::fromMs));
        return new Timeline(observed.recordingMs(), moments);
    }

    private static List<Cue> cues(PassiveCues cues) {
        return List.of(new Cue("TEXTURE", Store.boxed(cues.texture()).orElse(null), cues.texturedFrames(), cues.textureReading().name()),
                new Cue("SHAPE", Store.boxed(cues.flatness()).orElse(null), cues.flatPairs(), cues.flatnessReading().name()),
                new Cue("PERSPECTIVE", Store.boxed(cues.perspective()).orElse(null), null, cues.perspectiveReading().name()));
    }

    /** One image of a session in the reviewer's account's queue. */
    byte[] image(Store.Reviewer reviewer, String livenessId, ResultImages.Kind kind, ResultImages images) {
        Store.StoredResult result = queuedResult(reviewer, livenessId);
        if (kind.of(result).isEmpty()) {
            throw unknown();
        }
        return images.decrypted(result, kind);
    }

    /**
     * Approves or rejects the session: the next decision on it, superseding any before, which stays.
     *
     * @throws ServiceException {@code PARAMETER_ERROR} without a reason; {@code REVIEW_CONFLICT} when
     *                          another reviewer decided at the same moment
     */
    Store.ReviewAction decide(Store.Reviewer reviewer, String livenessId, Status decision, String reason, long now) {
        if (decision == Status.PENDING) {
            throw new ServiceException("PARAMETER_ERROR", "decision is APPROVED or REJECTED");
        }
        String why = Optional.ofNullable(reason).map(String::strip).filter(text -> !text.isEmpty())
                .orElseThrow(() -> new ServiceException("PARAMETER_ERROR", "reason is required"));
        if (why.length() > MAX_REASON) {
            throw new ServiceException("PARAMETER_ERROR", "reason is at most " + MAX_REASON + " characters");
        }
        Store.StoredResult result = queuedResult(reviewer, livenessId);
        int number = store.decision(reviewer.accountId(), livenessId).flatMap(Store.ReviewAction::decisionNo).orElse(0) + 1;
        return append(reviewer, decision.name(), Optional.of(livenessId), Optional.of(number), Optional.of(seen(result, images(result))),
                Optional.of(why), now).orElseThrow(() -> new ServiceException("REVIEW_CONFLICT",
                        "Another reviewer decided this session at the same moment: open it again"));
    }

    /** Appends a signed action to the audit; empty when its decision number was taken first. */
    Optional<Store.ReviewAction> append(Store.Reviewer reviewer, String action, Optional<String> livenessId, Optional<Integer> decisionNo,
                                        Optional<String> seen, Optional<String> reason, long now) {
        Store.ReviewAction unsigned = new Store.ReviewAction(UUID.randomUUID().toString(), reviewer.accountId(), reviewer.id(), now,
                action, livenessId, decisionNo, seen, reason, "");
        Store.ReviewAction signed = new Store.ReviewAction(unsigned.id(), unsigned.accountId(), unsigned.reviewerId(), unsigned.at(),
                unsigned.action(), unsigned.livenessId(), unsigned.decisionNo(), unsigned.seen(), unsigned.reason(), signature(unsigned));
        return store.appendReviewAction(signed) ? Optional.of(signed) : Optional.empty();
    }

    /** Whether the row is as the service signed it: nobody changed a field in the database. */
    boolean authentic(Store.ReviewAction action) {
        return MessageDigest.isEqual(signature(action).getBytes(StandardCharsets.UTF_8), action.signature().getBytes(StandardCharsets.UTF_8));
    }

    private String signature(Store.ReviewAction action) {
        return HexFormat.of().formatHex(signer.sign(signedText(action).getBytes(StandardCharsets.UTF_8)));
    }

    /** Every field but the signature, as a JSON array: no two rows give the same text; prefixed apart from the key's other uses. */
    static String signedText(Store.ReviewAction action) {
        return "review-action:" + GSON.toJson(Arrays.asList(action.id(), action.accountId(), action.reviewerId(), action.at(),
                action.action(), action.livenessId().orElse(null), action.decisionNo().orElse(null), action.seen().orElse(null),
                action.reason().orElse(null)));
    }

    /** What the reviewer is shown of a session, for the audit: its verdict and which images; never an image itself. */
    private static String seen(Store.StoredResult result, List<String> images) {
        return GSON.toJson(new Seen(result.score(), result.attackType().orElse(null), result.attackReason().orElse(null),
                result.lightCheck().orElse(null), images));
    }

    /** The kinds of image the result still has: none once the retention deleted them. */
    private static List<String> images(Store.StoredResult result) {
        return Arrays.stream(ResultImages.Kind.values()).filter(kind -> kind.of(result).isPresent()).map(Enum::name).toList();
    }

    private record Seen(int score, String attackType, String reason, String lightCheck, List<String> images) {
    }

    private Store.StoredResult queuedResult(Store.Reviewer reviewer, String livenessId) {
        if (!store.queued(reviewer.accountId(), livenessId)) {
            throw unknown();
        }
        return store.resultByLivenessId(reviewer.accountId(), livenessId).orElseThrow(ReviewQueue::unknown);
    }

    /** The same answer for a session of another account as for one that never existed. */
    static ServiceException unknown() {
        return new ServiceException("LIVENESS_ID_NOT_EXISTED", "No session in this account's queue has this livenessId");
    }
}
