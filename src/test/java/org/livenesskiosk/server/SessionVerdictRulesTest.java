package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FaceEmbedder;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The service's verdict on one genuine session of the shared mouth clip ({@link RecordedSessions}),
 * and on the same upload changed in one way each: the verdict names what is wrong. Without the
 * shared recordings these tests are skipped (and fail under CI).
 */
class SessionVerdictRulesTest {

    private static final Vision VISION = new Vision(new FrameAnalyzer(Models.fromClasspath()), new FaceEmbedder(Models.fromClasspath()),
            Timer.builder("embeddings").register(new SimpleMeterRegistry()));
    private static final Challenges.Challenge MOUTH = new Challenges.Challenge("c", "a", "d", List.of(ActionType.MOUTH), 10_000,
            10_000, DetectionLevel.NORMAL, 600, RecordedSessions.CLOSE_UP[0], RecordedSessions.CLOSE_UP[1], Optional.empty(),
            Optional.empty(), false, Optional.empty(), 0, Long.MAX_VALUE, Optional.empty());
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private static UploadRequest genuine() throws CaptureException {
        return RecordedSessions.upload(RecordedSessions.mouthSession(), RecordedSessions.MOUTH, "sig", "u");
    }

    private static UploadRequest withActions(UploadRequest upload, List<UploadRequest.Action> actions) {
        return new UploadRequest(upload.sessionId(), upload.challengeId(), upload.signatureId(), upload.userId(),
                upload.sdkVersion(), upload.platform(), actions, upload.recording(), upload.bestImage());
    }

    private static UploadRequest withRecording(UploadRequest upload, UploadRequest.Recording recording, String bestImage) {
        return new UploadRequest(upload.sessionId(), upload.challengeId(), upload.signatureId(), upload.userId(),
                upload.sdkVersion(), upload.platform(), upload.actions(), recording, bestImage);
    }

    @Test
    void aGenuineSessionIsVerifiedWithItsFingerprints() throws CaptureException {
        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH, genuine(), VISION, NO_DEADLINE);

        assertEquals(SessionCheck.VERIFIED_SCORE, verdict.score(), verdict.reason().toString());
        assertEquals(Optional.empty(), verdict.attackType());
        assertTrue(verdict.fingerprints().size() > 0, "the recording's faces are fingerprinted for the replay check");
    }

    @Test
    void aClaimPastTheToleranceIsAnInjection() throws CaptureException {
        UploadRequest upload = genuine();
        UploadRequest.Action claim = upload.actions().get(0);
        UploadRequest late = withActions(upload,
                List.of(new UploadRequest.Action(claim.action(), claim.atMs() + SessionCheck.CLAIM_TOLERANCE_MS + 1)));

        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH, late, VISION, NO_DEADLINE);

        assertEquals(Optional.of(SessionCheck.INJECTION), verdict.attackType());
        assertEquals(Optional.of("CLAIMS_DISAGREE"), verdict.reason());
    }

    @Test
    void aRecordingThatDoesNotShowTheSessionIsAnInjection() throws CaptureException {
        UploadRequest upload = genuine();
        // The first second only: the customer is still preparing when it ends.
        int frames = (int) upload.recording().timesMs().stream().filter(time -> time < 1_000).count();
        UploadRequest.Recording cut = new UploadRequest.Recording(upload.recording().timesMs().subList(0, frames),
                upload.recording().frames().subList(0, frames));

        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH, withRecording(upload, cut, upload.bestImage()), VISION,
                NO_DEADLINE);

        assertEquals(Optional.of(SessionCheck.INJECTION), verdict.attackType());
        assertTrue(verdict.reason().orElseThrow().startsWith("RECORDING_"), verdict.reason().toString());
    }

    @Test
    void aCheckPastItsDeadlineIsUnsure() throws CaptureException {
        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH, genuine(), VISION, System.nanoTime());

        assertEquals(0, verdict.score());
        assertEquals(Optional.of(SessionCheck.UNSURE), verdict.attackType());
        assertEquals(Optional.of("CHECK_DEADLINE"), verdict.reason());
    }

    @Test
    void aTurnedBestImageIsAnInjection() throws CaptureException, IOException {
        // AFLW2000-3D's image 251: a face turned 55° to the side.
        byte[] turned = Files.readAllBytes(SharedData.image("aflw2000_image00251.jpg"));
        UploadRequest upload = genuine();

        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH,
                withRecording(upload, upload.recording(), Base64.getEncoder().encodeToString(turned)), VISION, NO_DEADLINE);

        assertEquals(Optional.of(SessionCheck.INJECTION), verdict.attackType());
        assertEquals(Optional.of("BEST_IMAGE_NOT_FRONTAL"), verdict.reason());
    }

    @Test
    void aBestImageWithoutAFaceIsAnInjection() throws CaptureException, IOException {
        BufferedImage grey = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(grey, "jpg", jpeg);
        UploadRequest upload = genuine();

        SessionCheck.Verdict verdict = SessionCheck.check(MOUTH,
                withRecording(upload, upload.recording(), Base64.getEncoder().encodeToString(jpeg.toByteArray())), VISION,
                NO_DEADLINE);

        assertEquals(Optional.of(SessionCheck.INJECTION), verdict.attackType());
        assertEquals(Optional.of("BEST_IMAGE_NOT_ONE_FACE"), verdict.reason());
    }
}
