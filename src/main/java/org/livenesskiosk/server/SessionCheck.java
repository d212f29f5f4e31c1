package org.livenesskiosk.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.liveness.ActionRecord;
import org.livenesskiosk.liveness.FarNearResult;
import org.livenesskiosk.liveness.LightCheck;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.PassiveCues;
import org.livenesskiosk.liveness.PassiveVerdict;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.liveness.TextureSampling;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.pipeline.SkinLight;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FaceFingerprint;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.HeadPose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own verdict on a session: it runs the same session rules, under the challenge it
 * issued, over the kiosk's recording ({@linkplain RecheckSample every frame where a rule decides, a
 * random sample of the rest}), and only then compares what the kiosk claimed. The kiosk
 * analysed the very frames it recorded, so a genuine kiosk's claims agree with the re-run; a
 * client whose claims its own recording does not bear out is scored 0 as an injection.
 */
final class SessionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCheck.class);

    /** A session the re-run passed, the claims agree with and the passive checks find live. */
    static final int VERIFIED_SCORE = 90;
    /**
     * A session that passed but whose passive checks are unsure (too few frames fit to judge, a
     * borderline texture or shape): below 50, so a person looks, without failing the customer.
     */
    static final int UNCERTAIN_SCORE = 40;
    /** The claimed and re-run times of an action may differ by this much (one frame at 10 fps). */
    static final long CLAIM_TOLERANCE_MS = 100;
    /**
     * Each colour of the light step may stay on screen this much less than drawn (a display shows a
     * colour from its next refresh on); longer, up to {@link LightSequence#MAX_LATE_PULSE_MS}, when
     * a kiosk under load draws its pulses late.
     */
    static final long LIGHT_HOLD_TOLERANCE_MS = 100;
    /** The best image must show its one face this frontal. */
    static final double MAX_BEST_ANGLE = 25;

    /** Draws the frames to embed where no recording can know in advance. */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a reason left to a person begins with, as the passive checks' do: no attack was found, none was ruled out. */
    static final String UNSURE_PREFIX = "UNSURE_";

    /** The SDK provider's attack types, for a score of 0. */
    static final String PRESENTATION = "1";
    static final String INJECTION = "2";
    static final String UNSURE = "3";

    /** What the light check made of a session, as the open API says it. */
    enum LightFinding { LIVE, ATTACK, UNSURE, NOT_SHOWN }

    /**
     * The verdict: a score from 0 to 100 (50 or more suggests a pass), the attack type and the
     * reason when it is 0, the recording's face fingerprints for the replay check, what the
     * light check found when the challenge asked for the light step, and the passive cues the
     * re-run measured, kept for the reviewer who may decide the session (empty when the check
     * decided without them: an evidence image with no frontal face, a second person, the deadline).
     */
    record Verdict(int score, Optional<String> attackType, Optional<String> reason, Fingerprints fingerprints,
                   Optional<LightFinding> light, Optional<PassiveCues> cues) {

        /** A verdict before the re-run's passive cues are attached ({@link #measured}). */
        Verdict(int score, Optional<String> attackType, Optional<String> reason, Fingerprints fingerprints,
                Optional<LightFinding> light) {
            this(score, attackType, reason, fingerprints, light, Optional.empty());
        }

        static Verdict attack(String type, String reason, Fingerprints fingerprints) {
            return new Verdict(0, Optional.of(type), Optional.of(reason), fingerprints, Optional.empty());
        }

        Verdict withLight(LightFinding finding) {
            return new Verdict(score, attackType, reason, fingerprints, Optional.of(finding), cues);
        }

        Verdict measured(PassiveCues passive) {
            return new Verdict(score, attackType, reason, fingerprints, light, Optional.of(passive));
        }

        /**
         * The verdict once the replay look-up has spoken (an injection found before it stands). A
         * replay is the finding an auditor needs, above a texture or a shape the passive check
         * doubted. A session like one its own kiosk sent minutes before is left to a person: a still
         * customer trying again and that recording sent again look alike, and neither may be
         * verified by the pictures alone nor refused as an attack.
         */
        Verdict after(Fingerprints.Replay replay) {
            Verdict found = switch (replay) {
                case NONE -> this;
                case REPLAY -> attack(INJECTION, "REPLAY", fingerprints);
                case SAME_KIOSK_AGAIN -> score <= UNCERTAIN_SCORE ? this
                        : new Verdict(UNCERTAIN_SCORE, Optional.empty(), Optional.of(UNSURE_PREFIX + "SAME_KIOSK_AGAIN"), fingerprints,
                                Optional.empty());
            };
            Verdict lit = light.map(found::withLight).orElse(found);
            return cues.map(lit::measured).orElse(lit);
        }
    }

    private SessionCheck() {
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} after which the check gives up (an unsure 0):
     *                      no upload holds an analyser for long
     */
    static Verdict check(Challenges.Challenge challenge, UploadRequest upload, Vision vision, long deadlineNanos) {
        Fingerprints fingerprints = new Fingerprints();
        List<float[]> faces = new ArrayList<>();
        Optional<String> bestImageProblem = imageProblem(vision, upload.bestImage(), "BEST_IMAGE", faces)
                .or(() -> Optional.ofNullable(upload.farNear()).flatMap(stage -> imageProblem(vision, stage.farImage(), "FAR_IMAGE", faces)
                        .or(() -> imageProblem(vision, stage.nearImage(), "NEAR_IMAGE", faces))));
        if (bestImageProblem.isPresent()) {
            return Verdict.attack(INJECTION, bestImageProblem.get(), fingerprints);
        }
        LivenessConfig config = challenge.config();
        LivenessSession session = new LivenessSession(config, challenge.plan(), TextureSampling.drawnBy(RANDOM));
        List<JpegFrames.Encoded> frames = frames(upload.recording(), RecheckSample.of(upload, RANDOM));
        List<LightSequence.Shown> shown = upload.light() == null ? List.of() : upload.light();
        RecordingFaces recordingFaces = new RecordingFaces(vision, fingerprints,
                new SamePerson(frames.stream().map(JpegFrames.Encoded::timestampMs).toList(), claimedTimes(upload.actions()), RANDOM),
                shown.isEmpty() ? Long.MAX_VALUE : shown.get(0).fromMs());
        SessionResult rerun;
        try (JpegFrames source = new JpegFrames(frames);
             ClipRecorder noCopy = new ClipRecorder(Optional.empty(), source.framesPerSecond())) {
            rerun = SessionRunner.replaying(vision.analyzer(), config).run(source, session, noCopy, new SessionRunner.Listener() {
                @Override
                public void frame(Mat image, long timestampMs, SessionUpdate update) {
                    recordingFaces.see(image, timestampMs, update.face());
                }

                @Override
                public boolean cancelRequested() {
                    return System.nanoTime() > deadlineNanos;
                }

                @Override
                public Optional<List<LightSequence.Shown>> lightShown() {
                    return Optional.of(shown);
                }
            }).result();
        } catch (CaptureException e) {
            throw new IllegalStateException("A recording is never written on the service", e);
        }
        recordingFaces.seeTheRest(frames, deadlineNanos);
        if (System.nanoTime() > deadlineNanos) {
            return Verdict.attack(UNSURE, "CHECK_DEADLINE", fingerprints);
        }
        faces.addAll(vision.embedEach(recordingFaces.drawn));
        if (!SamePerson.onePerson(faces)) {
            return Verdict.attack(INJECTION, "IDENTITY_CHANGED", fingerprints);
        }
        if (!faces.isEmpty()) {
            fingerprints.fileUnder(SamePerson.face(faces));
        }
        return rerunVerdict(challenge, upload, rerun, shown, recordingFaces.light, fingerprints).measured(rerun.passive());
    }

    /** What the finished re-run of one person decides, from the claims to the passive checks. */
    private static Verdict rerunVerdict(Challenges.Challenge challenge, UploadRequest upload, SessionResult rerun,
                                        List<LightSequence.Shown> shown, List<LightCheck.Sample> light, Fingerprints fingerprints) {
        if (!rerun.success()) {
            return Verdict.attack(INJECTION, "RECORDING_" + rerun.code(), fingerprints);
        }
        if (!claimsAgree(upload.actions(), rerun.actions()) || !stageAgrees(upload.farNear(), rerun.farNear())) {
            return Verdict.attack(INJECTION, "CLAIMS_DISAGREE", fingerprints);
        }
        if (challenge.light().isEmpty()) {
            return passiveVerdict(rerun.passive(), fingerprints);
        }
        Optional<Verdict> lit = lightVerdict(challenge, shown, rerun.light(), light, fingerprints);
        if (lit.isPresent()) {
            return lit.get();
        }
        return passiveVerdict(rerun.passive(), fingerprints).withLight(shown.isEmpty() ? LightFinding.NOT_SHOWN : LightFinding.LIVE);
    }

    /**
     * What the light step decides, when it decides: a screen that showed nothing is left to a person
     * (unless the account lets such a session be verified on its other checks); colours the kiosk
     * was never given, other than drawn, or shown before the step began are an injection; then the
     * face's answer ({@link LightCheck}): none, or too late, is an injection, a flat one a picture,
     * an unsure one a person's to judge. Empty when the face answered as a live one does (or the
     * account verifies unlit sessions), for the passive checks to decide.
     *
     * @param shown   what the kiosk says its screen showed; null or empty when nothing
     * @param samples the light the face reflected in each frame from the first colour on
     */
    static Optional<Verdict> lightVerdict(Challenges.Challenge challenge, List<LightSequence.Shown> shown,
                                          Optional<SessionResult.LightStep> step, List<LightCheck.Sample> samples,
                                          Fingerprints fingerprints) {
        LightSequence drawn = challenge.light().orElseThrow();
        if (shown == null || shown.isEmpty()) {
            return challenge.unlitVerified() ? Optional.empty() : Optional.of(new Verdict(UNCERTAIN_SCORE, Optional.empty(),
                    Optional.of(UNSURE_PREFIX + "LIGHT_NOT_SHOWN"), fingerprints, Optional.of(LightFinding.NOT_SHOWN)));
        }
        if (challenge.lightRevealedAt().isEmpty()) {
            return Optional.of(Verdict.attack(INJECTION, "LIGHT_NOT_REVEALED", fingerprints).withLight(LightFinding.ATTACK));
        }
        if (!drawn.shownAs(shown, LIGHT_HOLD_TOLERANCE_MS)) {
            return Optional.of(Verdict.attack(INJECTION, "LIGHT_WRONG_SEQUENCE", fingerprints).withLight(LightFinding.ATTACK));
        }
        if (step.isEmpty() || shown.get(0).fromMs() < step.get().fromMs()) {
            return Optional.of(Verdict.attack(INJECTION, "LIGHT_BEFORE_THE_STEP", fingerprints).withLight(LightFinding.ATTACK));
        }
        LightCheck.Verdict answer = LightCheck.judge(samples, shown);
        LOG.info("{}", lightReport(answer, shown, LightCheck.answers(samples, shown, answer.lagMs())));
        String reason = answer.reason().orElse("");
        return switch (answer.outcome()) {
            case LIVE -> Optional.empty();
            case UNSURE -> Optional.of(new Verdict(UNCERTAIN_SCORE, Optional.empty(), Optional.of(UNSURE_PREFIX + reason),
                    fingerprints, Optional.of(LightFinding.UNSURE)));
            case ATTACK -> Optional.of(Verdict.attack(reason.equals("LIGHT_UNIFORM") || reason.equals("LIGHT_FLAT") ? PRESENTATION
                    : INJECTION, reason, fingerprints).withLight(LightFinding.ATTACK));
        };
    }

    /**
     * The light check's figures as the service logs them: numbers only, never an image, so that a
     * bank compares them on its own camera and screen (docs/light-challenge.md).
     */
    static String lightReport(LightCheck.Verdict answer, List<LightSequence.Shown> shown, List<Double> answers) {
        List<String> each = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            each.add(String.format(Locale.ROOT, "%06x %.3f", shown.get(i).rgb(), answers.get(i)));
        }
        return String.format(Locale.ROOT, "Light check: %s %s lag %d ms, correlation %.3f, response %.3f, room %.3f, shape %.3f, "
                + "%d colours alike %.3f; per colour %s", answer.outcome(), answer.reason().orElse(""), answer.lagMs(),
                answer.correlation(), answer.response(), answer.background(), answer.shape(), answer.colours(), answer.likeness(),
                String.join(", ", each));
    }

    /** When the kiosk claims its actions were seen; a claim without a time is left to the claims' own check. */
    private static List<Long> claimedTimes(List<UploadRequest.Action> actions) {
        return actions == null ? List.of() : actions.stream().filter(action -> action != null).map(UploadRequest.Action::atMs).toList();
    }

    /**
     * The faces of a recording as the check meets them, frame by frame: each one's fingerprint, and
     * those {@link SamePerson} draws, kept to be embedded together once the frames are done. The
     * re-run stops once the session is decided; the frames after that are looked at too, so that
     * nothing can be added after the last action unseen.
     */
    private static final class RecordingFaces {

        private final Vision vision;
        private final Fingerprints fingerprints;
        private final SamePerson draw;
        private final long lightFromMs;
        /** The light the face reflected in each frame from the light step's first colour on. */
        final List<LightCheck.Sample> light = new ArrayList<>();
        /** The faces drawn to be embedded. */
        final List<FaceEmbedder.Face> drawn = new ArrayList<>();
        private long lastSeenMs = Long.MIN_VALUE;

        /** @param lightFromMs when the screen showed its first colour, as the kiosk says; {@link Long#MAX_VALUE} when never */
        RecordingFaces(Vision vision, Fingerprints fingerprints, SamePerson draw, long lightFromMs) {
            this.vision = vision;
            this.fingerprints = fingerprints;
            this.draw = draw;
            this.lightFromMs = lightFromMs;
        }

        void see(Mat image, long timestampMs, Optional<FaceObservation> face) {
            lastSeenMs = timestampMs;
            face.ifPresent(seen -> {
                if (timestampMs >= lightFromMs) {
                    light.add(SkinLight.sample(image, seen.landmarks(), seen.metrics().box(), timestampMs));
                }
                fingerprints.add(FaceFingerprint.of(image, seen.landmarks()));
                if (SamePerson.embeddable(seen.metrics()) && draw.draws(timestampMs)) {
                    drawn.add(FaceEmbedder.Face.of(image, seen.landmarks()));
                }
            });
        }

        /** The frames after the last one the re-run analysed, through the same analyser. */
        void seeTheRest(List<JpegFrames.Encoded> frames, long deadlineNanos) {
            for (JpegFrames.Encoded frame : frames) {
                if (frame.timestampMs() <= lastSeenMs || System.nanoTime() > deadlineNanos) {
                    continue;
                }
                try (Mat image = JpegFrames.decode(frame.jpeg())) {
                    if (!image.empty()) {
                        see(image, frame.timestampMs(), vision.analyzer().analyze(image, 0, frame.timestampMs()).mainFace());
                    }
                }
            }
        }
    }

    /**
     * The passive checks on the re-run decide the rest: a print, a screen or a flat face is a
     * presentation attack; an unsure one is left to a person. The reason names the readings for
     * an auditor; the customer is never told.
     */
    static Verdict passiveVerdict(PassiveCues cues, Fingerprints fingerprints) {
        Optional<String> reason = PassiveVerdict.reason(cues);
        return switch (PassiveVerdict.of(cues)) {
            case ATTACK -> Verdict.attack(PRESENTATION, reason.orElseThrow(), fingerprints);
            case UNCERTAIN -> new Verdict(UNCERTAIN_SCORE, Optional.empty(), reason, fingerprints, Optional.empty());
            case LIVE -> new Verdict(VERIFIED_SCORE, Optional.empty(), Optional.empty(), fingerprints, Optional.empty());
        };
    }

    /** The kiosk's far and near images were taken when the re-run reached the stage's ends, or there was no stage. */
    static boolean stageAgrees(UploadRequest.FarNear claimed, Optional<FarNearResult> seen) {
        if (claimed == null || seen.isEmpty()) {
            return claimed == null && seen.isEmpty();
        }
        return Math.abs(claimed.farAtMs() - seen.get().farAtMs()) <= CLAIM_TOLERANCE_MS
                && Math.abs(claimed.nearAtMs() - seen.get().nearAtMs()) <= CLAIM_TOLERANCE_MS;
    }

    /** The kiosk claims the actions the re-run saw, in the same order, each at about the same time. */
    static boolean claimsAgree(List<UploadRequest.Action> claimed, List<ActionRecord> seen) {
        if (claimed == null || claimed.size() != seen.size()) {
            return false;
        }
        for (int i = 0; i < seen.size(); i++) {
            UploadRequest.Action claim = claimed.get(i);
            if (claim == null || !seen.get(i).action().name().equals(claim.action())
                    || Math.abs(seen.get(i).atMs() - claim.atMs()) > CLAIM_TOLERANCE_MS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of each frame the sample draws; one that is not base64 is empty, and is skipped as a
     * corrupt frame. The others are never decoded.
     */
    private static List<JpegFrames.Encoded> frames(UploadRequest.Recording recording, RecheckSample sample) {
        List<Integer> chosen = sample.chosen(recording.timesMs());
        List<JpegFrames.Encoded> frames = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            frames.add(new JpegFrames.Encoded(recording.timesMs().get(i), decoded(recording.frames().get(i)).orElse(new byte[0])));
        }
        return frames;
    }

    /** The bytes of a base64 text, or empty when it is not base64. */
    static Optional<byte[]> decoded(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with an evidence image, if anything: it must show one face, frontal. Its face,
     * when large enough, joins the faces that must be one person.
     *
     * @param name the image's name in the reason, e.g. {@code BEST_IMAGE}
     */
    private static Optional<String> imageProblem(Vision vision, String evidence, String name, List<float[]> faces) {
        try (Mat image = JpegFrames.decode(decoded(evidence).orElse(new byte[0]))) {
            if (image.empty()) {
                return Optional.of(name + "_NOT_A_PICTURE");
            }
            FrameAnalysis analysis = vision.still(image);
            Optional<FaceObservation> face = analysis.faceCount() == 1 ? analysis.mainFace() : Optional.empty();
            if (face.isEmpty()) {
                return Optional.of(name + "_NOT_ONE_FACE");
            }
            if (!frontal(face.get().metrics().pose())) {
                return Optional.of(name + "_NOT_FRONTAL");
            }
            if (SamePerson.embeddable(face.get().metrics())) {
                faces.add(vision.embedding(image, face.get().landmarks()));
            }
            return Optional.empty();
        }
    }

    /** Whether a face is turned at most {@link #MAX_BEST_ANGLE} either way, sideways and up or down. */
    static boolean frontal(HeadPose pose) {
        return Math.abs(pose.yawDegrees()) <= MAX_BEST_ANGLE && Math.abs(pose.pitchDegrees()) <= MAX_BEST_ANGLE;
    }
}
