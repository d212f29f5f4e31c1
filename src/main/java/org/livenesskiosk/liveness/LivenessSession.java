package org.livenesskiosk.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;

/**
 * One liveness check, driven frame by frame: the far/near stage when asked (the face small, then
 * large in the frame, against its own time limit), preparation, then each action against its time
 * limit, while the best image and each action's evidence are chosen; then success, or the one
 * error code whose rule was broken. Time is the frames' own, so a recorded clip gives the same
 * result at any speed. Not thread-safe: the analysis thread drives it.
 *
 * <p>Longer than most classes because it is the session's whole state machine, kept in one place
 * to be read in one pass; the rules it applies live in {@link Preparation}, {@link ActionDetector}
 * and {@link BestImageScore}.
 */
public final class LivenessSession {

    /** The customer must stay ready this long before the first action is asked. */
    static final long READY_HOLD_MS = 500;
    /**
     * While getting ready the face may move about this far, in face widths, from where it was when
     * the customer became ready: people waiting sway and fidget, and what the actions need is a
     * face that stays in place, not one that never moves.
     */
    static final double MAX_READY_DRIFT = 0.2;
    /**
     * When every action was seen but no frame so far was good enough for the best image, the
     * customer is asked to hold still this long more before the session gives up on it.
     */
    static final long BEST_IMAGE_GRACE_MS = 3_000;
    /** The customer's open eyes are known once this much of them has been seen. */
    static final long MIN_EYE_HISTORY_MS = 500;
    /** During the actions, a face may vanish this long (a detector blink) before it is missing. */
    static final long FACE_MISSING_MS = 1_000;
    /** A second face must stay this long to count: one false frame does not fail a session. */
    static final long MULTIPLE_FACES_MS = 500;
    /** How far the face may wander from where the actions began, in face widths. */
    static final double MAX_DRIFT = 0.75;
    /** How much the face may grow or shrink from where the actions began (stepping forward or back). */
    static final double MAX_SIZE_CHANGE = 0.35;
    /** A face that moves further than this between two frames is not the same face. */
    static final double MAX_JUMP = 0.35;
    /** A failed preparation is named after what was wrong over its last second. */
    static final long SHORTFALL_WINDOW_MS = 1_000;
    /** Each end of the far/near stage is reached once the face has been at its size this long. */
    static final long FAR_NEAR_HOLD_MS = 300;
    /** The far face may be this much smaller, or larger, than the far target. */
    static final double FAR_BELOW = 0.7;
    static final double FAR_ABOVE = 1.15;
    /** The near face may be this much smaller than the near target (no larger limit: the frame is one). */
    static final double NEAR_BELOW = 0.85;
    /** The landmarks of at most this many frames at each end feed the perspective cue. */
    static final int FAR_NEAR_FRAMES = 10;
    /**
     * The light step's limit: the colours fetched from the service (a second or two on a slow
     * network) and shown (at most {@value LightSequence#MAX_FLASHES} × {@value LightSequence#MAX_HOLD_MS} ms).
     * A step that runs past it ends the session without the light: the service then leaves it to a person.
     */
    public static final long LIGHT_TIME_LIMIT_MS = 10_000;
    /**
     * The session goes on this long after the last colour left the screen: the camera sees the screen
     * a little late, and the last colour's answer must be in the recording.
     */
    static final long LIGHT_TAIL_MS = 400;

    private final LivenessConfig config;
    private final List<ActionType> plan;
    private final Preparation preparation;
    private final Preparation farStage;
    private final Preparation nearStage;
    private final Map<ActionType, ActionDetector> detectors = new EnumMap<>(ActionType.class);
    private final TextureSampling textureSampling;
    private final PassiveEvidence passive = new PassiveEvidence();

    private SessionState state;
    private long firstFrameMs = -1;
    private long phaseStartMs;
    private long readySinceMs = -1;
    private Box readyBox;
    private final Deque<Shortfall> recentShortfalls = new ArrayDeque<>();
    /** The faces held at the current end of the far/near stage, and those of its far end once reached. */
    private final Deque<FaceObservation> heldAtStage = new ArrayDeque<>();
    private long stageHeldSinceMs = -1;
    private List<FaceObservation> heldFar = List.of();
    private long farAtMs;
    private Optional<FarNearResult> farNearResult = Optional.empty();

    private int followedTrackId = -1;
    private Box previousBox;

    private int step;
    private Box anchorBox;
    /** The customer's open eyes: a high percentile of the recent eye aspect ratios, as the blink's neutral. */
    private final RollingPercentile openEyes = new RollingPercentile(2_000, ActionSignal.BLINK.neutralPercentile());
    private long faceMissingSinceMs = -1;
    private long multipleFacesSinceMs = -1;
    private double bestImageScore;
    private final List<ActionRecord> actionsSeen = new ArrayList<>();
    private final List<MetricTrace> traces = new ArrayList<>();
    private final List<MetricTrace.Sample> currentTrace = new ArrayList<>();
    /** What the screen showed during the light step, once the kiosk says; empty until then. */
    private Optional<List<LightSequence.Shown>> lightShown = Optional.empty();
    private long lightFromMs = -1;
    private SessionResult result;

    private record Shortfall(long timeMs, Prompt prompt) {
    }

    /** @param plan the actions to ask for, in order (see {@link ActionPlan}) */
    public LivenessSession(LivenessConfig config, List<ActionType> plan) {
        this(config, plan, new TextureSampling());
    }

    /** @param textureSampling which frames' texture to score: the kiosk's rule, or the service's {@link TextureSampling#drawnBy draw} */
    public LivenessSession(LivenessConfig config, List<ActionType> plan, TextureSampling textureSampling) {
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("a session asks for at least one action");
        }
        this.config = config;
        this.plan = List.copyOf(plan);
        this.textureSampling = textureSampling;
        this.preparation = new Preparation(config);
        this.farStage = new Preparation(config, config.farFaceSize() * FAR_BELOW, config.farFaceSize() * FAR_ABOVE);
        this.nearStage = new Preparation(config, config.nearFaceSize() * NEAR_BELOW, Double.MAX_VALUE);
        this.state = config.farNear() ? SessionState.FAR : SessionState.PREPARING;
        for (ActionType action : plan) {
            detectors.put(action, new ActionDetector(ActionSignal.of(action).scaled(config.level().strictness())));
        }
    }

    public List<ActionType> plan() {
        return plan;
    }

    public SessionState state() {
        return state;
    }

    /**
     * Whether the next frame's texture should be scored before it is {@linkplain #accept fed}: a
     * sample of the frames fit for it (see {@link TextureSampling}).
     */
    public boolean wantsTexture(FrameAnalysis frame) {
        return state != SessionState.FINISHED && state != SessionState.LIGHT && textureSampling.wants(frame);
    }

    /**
     * What the screen showed during the light step, in the frames' milliseconds, once it has shown it
     * all (empty when it showed nothing). The session ends {@value #LIGHT_TAIL_MS} ms after the last
     * colour, so that the camera's answer to it is in the recording.
     */
    public void lightShown(List<LightSequence.Shown> shown) {
        if (lightShown.isEmpty()) {
            lightShown = Optional.of(List.copyOf(shown));
        }
    }

    /** Feeds the next frame; frames must come in time order. */
    public SessionUpdate accept(FrameAnalysis frame) {
        if (state == SessionState.FINISHED) {
            return update(frame.timestampMs(), Optional.empty(), Optional.empty(), List.of());
        }
        // The screen's colours tint the face during the light step: its frames say nothing of texture or shape.
        if (state != SessionState.LIGHT) {
            passive.accept(frame);
        }
        long now = frame.timestampMs();
        if (firstFrameMs < 0) {
            firstFrameMs = now;
            phaseStartMs = now;
        }
        Optional<FaceObservation> face = frame.mainFace();
        followFace(face);
        List<ActionEvent> ended = new ArrayList<>();
        face.ifPresent(observed -> {
            detectors.values().forEach(detector -> detector.accept(observed.metrics(), now).ifPresent(ended::add));
            openEyes.add(now, observed.metrics().eyeAspectRatio());
        });

        List<EvidenceSlot> keep = new ArrayList<>();
        Optional<Prompt> prompt = switch (state) {
            case FAR, NEAR -> farNear(frame, keep);
            case PREPARING -> prepare(frame, face, keep);
            case LIGHT -> light(frame, face);
            default -> act(frame, face, ended, keep);
        };
        return update(now, prompt, face, keep);
    }

    /** The customer or the operator gave up. */
    public SessionUpdate cancel(long timeMs) {
        return abort(LivenessError.USER_GIVE_UP, "cancelled", timeMs);
    }

    /** Something outside the session failed (the camera, the models): the session ends with that code. */
    public SessionUpdate abort(LivenessError error, String detail, long timeMs) {
        if (state != SessionState.FINISHED) {
            finish(Optional.of(error), detail, timeMs);
        }
        return update(timeMs, Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * The frames ran out (a recording ended) before the session did: it ends as its current time
     * limit would have ended it.
     */
    public SessionUpdate endOfInput(long timeMs) {
        if (state == SessionState.FAR || state == SessionState.NEAR) {
            finish(Optional.of(LivenessError.PREPARE_TIMEOUT), "the recording ended during the far/near stage", timeMs);
        } else if (state == SessionState.PREPARING) {
            finish(Optional.of(preparationError()), "the recording ended during the preparation", timeMs);
        } else if (state == SessionState.ACTING && allActionsSeen()) {
            finish(Optional.of(LivenessError.NO_UPLOAD_IMAGE), "the recording ended before a frame was good enough for the best image",
                    timeMs);
        } else if (state == SessionState.ACTING) {
            finish(Optional.of(LivenessError.ACTION_TIMEOUT), "the recording ended before " + plan.get(step - 1) + " was seen",
                    timeMs);
        } else if (state == SessionState.LIGHT) {
            finish(Optional.empty(), "every action seen; the recording ended during the light step", timeMs);
        }
        return update(timeMs, Optional.empty(), Optional.empty(), List.of());
    }

    public Optional<SessionResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * Keeps track of who is in front of the camera. A different face, or one that jumped, starts
     * every action over, and its frames so far are no longer the best image: a photo swapped in
     * between frames completes nothing.
     */
    private void followFace(Optional<FaceObservation> face) {
        if (face.isEmpty()) {
            return;
        }
        Box box = face.get().metrics().box();
        double moved = previousBox == null ? 0
                : Math.hypot(box.centerX() - previousBox.centerX(), box.centerY() - previousBox.centerY()) / box.width();
        boolean sameFace = face.get().trackId() == followedTrackId && moved <= MAX_JUMP;
        if (!sameFace) {
            detectors.values().forEach(ActionDetector::reset);
            openEyes.clear();
            bestImageScore = 0;
            readySinceMs = -1;
            if (state == SessionState.NEAR) {
                // Another face than the far one: the stage compares one face with itself, so it starts over.
                state = SessionState.FAR;
                heldFar = List.of();
            }
            heldAtStage.clear();
            stageHeldSinceMs = -1;
        }
        followedTrackId = face.get().trackId();
        previousBox = box;
    }

    /**
     * The far/near stage: the face held at the far size, then at the near size, each for
     * {@link #FAR_NEAR_HOLD_MS}, with the preparation's other rules (one face, light, centred,
     * uncovered, frontal). Its frames are kept as evidence and their landmarks give the perspective cue.
     */
    private Optional<Prompt> farNear(FrameAnalysis frame, List<EvidenceSlot> keep) {
        long now = frame.timestampMs();
        boolean far = state == SessionState.FAR;
        Optional<Prompt> shortfall = (far ? farStage : nearStage).shortfall(frame)
                .map(prompt -> prompt == Prompt.MOVE_BACK || prompt == Prompt.MOVE_CLOSER
                        ? (far ? Prompt.FAR_FACE : Prompt.NEAR_FACE) : prompt);
        if (shortfall.isPresent()) {
            heldAtStage.clear();
            stageHeldSinceMs = -1;
        } else {
            stageHeldSinceMs = stageHeldSinceMs < 0 ? now : stageHeldSinceMs;
            heldAtStage.addLast(frame.mainFace().orElseThrow());
            while (heldAtStage.size() > FAR_NEAR_FRAMES) {
                heldAtStage.removeFirst();
            }
        }
        if (shortfall.isEmpty() && now - stageHeldSinceMs >= FAR_NEAR_HOLD_MS) {
            keep.add(far ? EvidenceSlot.FAR : EvidenceSlot.NEAR);
            List<FaceObservation> held = List.copyOf(heldAtStage);
            heldAtStage.clear();
            stageHeldSinceMs = -1;
            if (far) {
                heldFar = held;
                farAtMs = now;
                state = SessionState.NEAR;
                return Optional.of(Prompt.NEAR_FACE);
            }
            Function<List<FaceObservation>, List<FaceLandmarks>> landmarks = faces -> faces.stream()
                    .map(FaceObservation::landmarks).toList();
            farNearResult = Optional.of(new FarNearResult(farAtMs, now, Perspective.of(landmarks.apply(heldFar),
                    landmarks.apply(held), meanSize(heldFar), meanSize(held), config.cameraFieldOfViewDegrees())));
            state = SessionState.PREPARING;
            phaseStartMs = now;
            return Optional.of(Prompt.HOLD_STILL);
        }
        if (now - phaseStartMs > config.farNearTimeLimitMs()) {
            finish(Optional.of(LivenessError.PREPARE_TIMEOUT), "the far/near stage not completed in "
                    + config.farNearTimeLimitMs() + " ms: " + shortfall.map(Prompt::key).orElse("not steady long enough"), now);
            return Optional.empty();
        }
        return shortfall.or(() -> Optional.of(Prompt.HOLD_STILL));
    }

    private static double meanSize(List<FaceObservation> faces) {
        return faces.stream().mapToDouble(face -> face.metrics().relativeSize()).average().orElse(0);
    }

    private Optional<Prompt> prepare(FrameAnalysis frame, Optional<FaceObservation> face, List<EvidenceSlot> keep) {
        long now = frame.timestampMs();
        Optional<Prompt> shortfall = preparation.shortfall(frame);
        if (shortfall.isEmpty() && readySinceMs >= 0 && drift(face.orElseThrow().metrics().box(), readyBox) > MAX_READY_DRIFT) {
            shortfall = Optional.of(Prompt.HOLD_STILL);
        }
        shortfall.ifPresent(prompt -> recentShortfalls.addLast(new Shortfall(now, prompt)));
        while (!recentShortfalls.isEmpty() && recentShortfalls.peekFirst().timeMs() < now - SHORTFALL_WINDOW_MS) {
            recentShortfalls.removeFirst();
        }
        if (shortfall.isPresent()) {
            readySinceMs = -1;
        } else {
            FaceMetrics metrics = face.orElseThrow().metrics();
            // A frame fit for the preparation is also a candidate for the best image: a customer
            // who does the actions quickly must not fail because the best frame came before them.
            considerForBestImage(metrics, keep);
            if (readySinceMs < 0) {
                readySinceMs = now;
                readyBox = metrics.box();
            }
            if (now - readySinceMs >= READY_HOLD_MS) {
                startActions(metrics, now, keep);
                return Optional.of(Prompt.forAction(plan.get(0)));
            }
        }
        if (now - phaseStartMs > config.prepareTimeLimitMs()) {
            LivenessError error = preparationError();
            finish(Optional.of(error), "preparation not completed in " + config.prepareTimeLimitMs() + " ms: "
                    + shortfall.map(prompt -> "last prompt \"" + prompt.words() + "\"").orElse("not steady long enough"),
                    now);
            return Optional.empty();
        }
        return shortfall.or(() -> Optional.of(Prompt.HOLD_STILL));
    }

    private void startActions(FaceMetrics neutral, long now, List<EvidenceSlot> keep) {
        state = SessionState.ACTING;
        step = 1;
        phaseStartMs = now;
        anchorBox = neutral.box();
        keep.add(EvidenceSlot.NEUTRAL);
    }

    /** The failed preparation named after what was most often wrong over its last second. */
    private LivenessError preparationError() {
        Map<Prompt, Long> counts = recentShortfalls.stream()
                .collect(Collectors.groupingBy(Shortfall::prompt, LinkedHashMap::new, Collectors.counting()));
        Optional<Prompt> mostOften = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        return mostOften.map(prompt -> switch (prompt) {
            case LOOK_AT_CAMERA -> LivenessError.FACE_MISSING;
            case ONLY_ONE_PERSON -> LivenessError.MULTIPLE_FACE;
            case MORE_LIGHT -> LivenessError.WEAK_LIGHT;
            case LESS_LIGHT -> LivenessError.STRONG_LIGHT;
            default -> LivenessError.PREPARE_TIMEOUT;
        }).orElse(LivenessError.PREPARE_TIMEOUT);
    }

    private Optional<Prompt> act(FrameAnalysis frame, Optional<FaceObservation> face, List<ActionEvent> ended,
                                 List<EvidenceSlot> keep) {
        long now = frame.timestampMs();
        Optional<LivenessError> broken = brokenRule(frame, face, now);
        if (broken.isPresent()) {
            finish(broken, ruleDetail(broken.get()), now);
            return Optional.empty();
        }
        face.ifPresent(observed -> considerForBestImage(observed.metrics(), keep));
        if (allActionsSeen()) {
            return awaitBestImage(now);
        }
        ActionType action = plan.get(step - 1);
        face.ifPresent(observed -> {
            currentTrace.add(new MetricTrace.Sample(now, detectors.get(action).signal().value().applyAsDouble(observed.metrics())));
            if (detectors.get(action).peaksAt(now)) {
                keep.add(EvidenceSlot.peakOf(action));
            }
        });
        Optional<ActionEvent> seen = ended.stream()
                .filter(event -> event.type() == action && event.startMs() >= phaseStartMs)
                .findFirst();
        if (seen.isPresent()) {
            ActionEvent event = seen.get();
            actionsSeen.add(new ActionRecord(action, phaseStartMs, event.endMs(), event.peakMs(), event.peakDeviation()));
            traces.add(new MetricTrace(action, detectors.get(action).signal().metric(), currentTrace));
            currentTrace.clear();
            phaseStartMs = now;
            if (allActionsSeen()) {
                return awaitBestImage(now);
            }
            step++;
            return Optional.of(Prompt.forAction(plan.get(step - 1)));
        }
        if (now - phaseStartMs > config.actionTimeLimitMs()) {
            finish(Optional.of(LivenessError.ACTION_TIMEOUT), action + " not seen in " + config.actionTimeLimitMs() + " ms", now);
            return Optional.empty();
        }
        return Optional.of(Prompt.forAction(action));
    }

    private boolean allActionsSeen() {
        return actionsSeen.size() == plan.size();
    }

    /**
     * Every action was seen: the session succeeds as soon as it has its best image, which may take
     * a moment more of holding still after the last action, but not long.
     */
    private Optional<Prompt> awaitBestImage(long now) {
        if (bestImageScore > 0 && config.light()) {
            state = SessionState.LIGHT;
            phaseStartMs = now;
            lightFromMs = now;
            return Optional.of(Prompt.LIGHT);
        }
        if (bestImageScore > 0) {
            finish(Optional.empty(), "every action seen", now);
            return Optional.empty();
        }
        if (now - phaseStartMs > BEST_IMAGE_GRACE_MS) {
            finish(Optional.of(LivenessError.NO_UPLOAD_IMAGE), "no frontal, open-eyed, sharp, well-lit frame, even "
                    + BEST_IMAGE_GRACE_MS + " ms after the last action", now);
            return Optional.empty();
        }
        return Optional.of(Prompt.HOLD_STILL);
    }

    /**
     * The light step: the customer holds still, under the rules of the actions, while the screen
     * shows the colours; it ends once they have all been shown and their answer recorded, when the
     * kiosk shows none, or at its limit. No frame of it is a best image: the colours tint the face.
     */
    private Optional<Prompt> light(FrameAnalysis frame, Optional<FaceObservation> face) {
        long now = frame.timestampMs();
        Optional<LivenessError> broken = brokenRule(frame, face, now);
        if (broken.isPresent()) {
            finish(broken, ruleDetail(broken.get()) + " during the light step", now);
            return Optional.empty();
        }
        Optional<Long> answered = lightShown.map(shown -> shown.isEmpty() ? now : shown.get(shown.size() - 1).toMs() + LIGHT_TAIL_MS);
        if (answered.isPresent() && now >= answered.get()) {
            finish(Optional.empty(), lightShown.get().isEmpty() ? "every action seen; the screen showed no light"
                    : "every action seen and the light shown", now);
            return Optional.empty();
        }
        if (now - phaseStartMs > LIGHT_TIME_LIMIT_MS) {
            finish(Optional.empty(), "every action seen; the light step did not end in " + LIGHT_TIME_LIMIT_MS + " ms", now);
            return Optional.empty();
        }
        return Optional.of(Prompt.LIGHT);
    }

    /** The rules that hold throughout the actions: one face, present, staying where it began. */
    private Optional<LivenessError> brokenRule(FrameAnalysis frame, Optional<FaceObservation> face, long now) {
        faceMissingSinceMs = face.isEmpty() ? (faceMissingSinceMs < 0 ? now : faceMissingSinceMs) : -1;
        multipleFacesSinceMs = frame.faceCount() > 1 ? (multipleFacesSinceMs < 0 ? now : multipleFacesSinceMs) : -1;
        if (faceMissingSinceMs >= 0 && now - faceMissingSinceMs >= FACE_MISSING_MS) {
            return Optional.of(LivenessError.FACE_MISSING);
        }
        if (multipleFacesSinceMs >= 0 && now - multipleFacesSinceMs >= MULTIPLE_FACES_MS) {
            return Optional.of(LivenessError.MULTIPLE_FACE);
        }
        if (face.isPresent()) {
            Box box = face.get().metrics().box();
            double sizeChange = Math.abs(box.width() / anchorBox.width() - 1);
            if (drift(box, anchorBox) > MAX_DRIFT || sizeChange > MAX_SIZE_CHANGE) {
                return Optional.of(LivenessError.MUCH_MOTION);
            }
        }
        return Optional.empty();
    }

    private static String ruleDetail(LivenessError error) {
        return switch (error) {
            case FACE_MISSING -> "no face for " + FACE_MISSING_MS + " ms during the actions";
            case MULTIPLE_FACE -> "a second face for " + MULTIPLE_FACES_MS + " ms during the actions";
            default -> "the face moved too far from where the actions began";
        };
    }

    /** How far a face's centre is from where it was, in widths of the face then. */
    private static double drift(Box box, Box from) {
        return Math.hypot(box.centerX() - from.centerX(), box.centerY() - from.centerY()) / from.width();
    }

    private void considerForBestImage(FaceMetrics face, List<EvidenceSlot> keep) {
        if (openEyes.spanMs() < MIN_EYE_HISTORY_MS) {
            return;
        }
        OptionalDouble score = BestImageScore.of(face, openEyes.value());
        if (score.isPresent() && score.getAsDouble() > bestImageScore) {
            bestImageScore = score.getAsDouble();
            keep.add(EvidenceSlot.BEST);
        }
    }

    private void finish(Optional<LivenessError> error, String detail, long now) {
        state = SessionState.FINISHED;
        Optional<SessionResult.LightStep> light = lightFromMs < 0 ? Optional.empty()
                : Optional.of(new SessionResult.LightStep(lightFromMs, lightShown.orElse(List.of())));
        result = new SessionResult(error, detail, actionsSeen, traces, now - Math.max(0, firstFrameMs), passive.cues()
                .withPerspective(farNearResult.flatMap(FarNearResult::perspective)), farNearResult, light);
    }

    private SessionUpdate update(long now, Optional<Prompt> prompt, Optional<FaceObservation> face, List<EvidenceSlot> keep) {
        long limit = switch (state) {
            case FAR, NEAR -> config.farNearTimeLimitMs();
            case PREPARING -> config.prepareTimeLimitMs();
            case LIGHT -> LIGHT_TIME_LIMIT_MS;
            default -> allActionsSeen() ? BEST_IMAGE_GRACE_MS : config.actionTimeLimitMs();
        };
        long remaining = state == SessionState.FINISHED ? 0 : Math.max(0, limit - (now - phaseStartMs));
        Optional<ActionType> action = state == SessionState.ACTING ? Optional.of(plan.get(step - 1)) : Optional.empty();
        OptionalDouble target = state == SessionState.FAR ? OptionalDouble.of(config.farFaceSize())
                : state == SessionState.NEAR ? OptionalDouble.of(config.nearFaceSize()) : OptionalDouble.empty();
        return new SessionUpdate(state, state == SessionState.ACTING ? step : 0, plan.size(), action,
                state == SessionState.FINISHED ? Optional.empty() : prompt, remaining, face, keep, result(), target,
                (state == SessionState.FAR ? farStage : state == SessionState.NEAR ? nearStage : preparation).zone());
    }
}
