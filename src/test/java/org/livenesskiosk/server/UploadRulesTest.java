package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * The checks an upload passes before anything of it is decoded: each limit exactly (accepted) and
 * one past it (refused with PARAMETER_ERROR).
 */
class UploadRulesTest {

    /** One blink, 1 s to prepare and 1 s to act: a session of at most 2 s, 2.5 s with the slack. */
    private static final Challenges.Challenge CHALLENGE = new Challenges.Challenge("c", "a", "d", List.of(ActionType.BLINK),
            1_000, 1_000, DetectionLevel.NORMAL, 600, 40, 80, Optional.empty(), Optional.empty(), false, Optional.empty(), 0, 1,
            Optional.empty());
    private static final long SLACK_MS = 500;
    private static final long LONGEST_MS = 2_500;
    private static final int FRAMES_PER_SECOND = 2;
    /** 2.5 s at 2 frames a second. */
    private static final int MAX_FRAMES = 5;
    private static final int MAX_FRAME_BYTES = 30;
    private static final int MAX_IMAGE_BYTES = 60;

    /** A JPEG's first bytes, then zeros: base64 of exactly {@code bytes} bytes. */
    private static String jpeg(int bytes) {
        byte[] data = new byte[bytes];
        data[0] = (byte) 0xff;
        data[1] = (byte) 0xd8;
        data[2] = (byte) 0xff;
        return Base64.getEncoder().encodeToString(data);
    }

    private static String startingWith(int first, int second, int third) {
        return Base64.getEncoder().encodeToString(new byte[] {(byte) first, (byte) second, (byte) third, 0, 0, 0});
    }

    private static UploadRequest upload(String userId, String platform, List<UploadRequest.Action> actions, List<Long> times,
                                        List<String> frames, String bestImage) {
        return new UploadRequest("s", "c", "sig", userId, "1.0", platform, actions, new UploadRequest.Recording(times, frames),
                bestImage);
    }

    private static UploadRequest withRecording(List<Long> times, List<String> frames) {
        return upload("u", "kiosk", List.of(), times, frames, jpeg(10));
    }

    private static UploadRequest withTimes(Long... times) {
        return withRecording(Arrays.asList(times), Collections.nCopies(times.length, jpeg(10)));
    }

    private static void check(UploadRequest upload) {
        check(upload, CHALLENGE);
    }

    private static void check(UploadRequest upload, Challenges.Challenge challenge) {
        UploadChecks.requireWellFormed(upload, challenge, FRAMES_PER_SECOND, SLACK_MS, MAX_FRAME_BYTES, MAX_IMAGE_BYTES);
    }

    /** The same challenge ending with the light step: its session lasts the step's limit more. */
    private static final Challenges.Challenge LIT = new Challenges.Challenge("c", "a", "d", List.of(ActionType.BLINK), 1_000, 1_000,
            DetectionLevel.NORMAL, 600, 40, 80, Optional.empty(), Optional.of(LightSequence.draw(new Random(3))), false,
            Optional.of(0L), 0, 1, Optional.empty());
    private static final long LIT_LONGEST_MS = LONGEST_MS + LivenessSession.LIGHT_TIME_LIMIT_MS;

    private static UploadRequest lit(List<LightSequence.Shown> shown) {
        UploadRequest upload = withTimes(0L);
        return new UploadRequest(upload.sessionId(), upload.challengeId(), upload.signatureId(), upload.userId(), upload.sdkVersion(),
                upload.platform(), upload.actions(), upload.recording(), upload.bestImage(), null, shown);
    }

    private static String assertRefused(UploadRequest upload, Challenges.Challenge challenge) {
        ServiceException refused = assertThrows(ServiceException.class, () -> check(upload, challenge));
        assertEquals("PARAMETER_ERROR", refused.code());
        return refused.getMessage();
    }

    @Test
    void whatTheScreenShowedComesOnlyForALightStepAsAFewColoursOneAfterAnotherWithinIt() {
        List<LightSequence.Shown> ten = new ArrayList<>();
        for (int i = 0; i < LightSequence.MAX_FLASHES; i++) {
            ten.add(new LightSequence.Shown(0xFFFFFF, i * 500L, i * 500L + 500));
        }
        assertDoesNotThrow(() -> check(lit(ten), LIT));
        assertDoesNotThrow(() -> check(lit(List.of()), LIT));
        assertDoesNotThrow(() -> check(lit(List.of()), CHALLENGE));
        assertDoesNotThrow(() -> check(lit(List.of(new LightSequence.Shown(0, 0, LIT_LONGEST_MS))), LIT));

        assertTrue(assertRefused(lit(ten), CHALLENGE).contains("only for a challenge with the light step"));
        List<LightSequence.Shown> eleven = new ArrayList<>(ten);
        eleven.add(new LightSequence.Shown(0xFF0000, 5_000, 5_400));
        assertTrue(assertRefused(lit(eleven), LIT).contains("at most " + LightSequence.MAX_FLASHES));
        for (List<LightSequence.Shown> wrong : List.of(
                List.of(new LightSequence.Shown(0xFF0000, -1, 400)),
                List.of(new LightSequence.Shown(0xFF0000, 400, 400)),
                List.of(new LightSequence.Shown(0xFF0000, 0, LIT_LONGEST_MS + 1)),
                List.of(new LightSequence.Shown(0x1000000, 0, 400)),
                List.of(new LightSequence.Shown(0xFF0000, 0, 400), new LightSequence.Shown(0x00FF00, 399, 800)))) {
            assertTrue(assertRefused(lit(wrong), LIT).contains("must follow one another"), wrong.toString());
        }
        List<LightSequence.Shown> withAHole = new ArrayList<>();
        withAHole.add(null);
        assertTrue(assertRefused(lit(withAHole), LIT).contains("must follow one another"));
    }

    private static void assertAccepted(UploadRequest upload) {
        assertDoesNotThrow(() -> check(upload));
    }

    private static String assertRefused(UploadRequest upload) {
        ServiceException refused = assertThrows(ServiceException.class, () -> check(upload));
        assertEquals("PARAMETER_ERROR", refused.code());
        return refused.getMessage();
    }

    @Test
    void textsUpToTheirLimitsAreAccepted() {
        assertAccepted(upload("u".repeat(200), "p".repeat(64), List.of(), List.of(0L), List.of(jpeg(10)), jpeg(10)));
        assertTrue(assertRefused(upload("u".repeat(201), "kiosk", List.of(), List.of(0L), List.of(jpeg(10)), jpeg(10)))
                .startsWith("userId"));
        assertTrue(assertRefused(upload("u", "p".repeat(65), List.of(), List.of(0L), List.of(jpeg(10)), jpeg(10)))
                .startsWith("platform"));
    }

    @Test
    void theVersionAndTheSignatureIdAreShortTexts() {
        UploadRequest.Recording recording = new UploadRequest.Recording(List.of(0L), List.of(jpeg(10)));

        assertTrue(assertRefused(new UploadRequest("s", "c", "sig", "u", "1".repeat(65), "kiosk", List.of(), recording, jpeg(10)))
                .startsWith("sdkVersion"));
        assertTrue(assertRefused(new UploadRequest("s", "c", "s".repeat(65), "u", "1.0", "kiosk", List.of(), recording, jpeg(10)))
                .startsWith("signatureId"));
    }

    @Test
    void actionsMayListAtMostTheChallengesActions() {
        List<UploadRequest.Action> one = List.of(new UploadRequest.Action("BLINK", 900));
        List<UploadRequest.Action> two = List.of(new UploadRequest.Action("BLINK", 900), new UploadRequest.Action("BLINK", 950));

        assertAccepted(upload("u", "kiosk", one, List.of(0L), List.of(jpeg(10)), jpeg(10)));
        assertRefused(upload("u", "kiosk", two, List.of(0L), List.of(jpeg(10)), jpeg(10)));
        assertRefused(upload("u", "kiosk", null, List.of(0L), List.of(jpeg(10)), jpeg(10)));
    }

    @Test
    void theBestImageMayBeAsLargeAsItsLimit() {
        assertAccepted(upload("u", "kiosk", List.of(), List.of(0L), List.of(jpeg(10)), jpeg(MAX_IMAGE_BYTES)));
        assertTrue(assertRefused(upload("u", "kiosk", List.of(), List.of(0L), List.of(jpeg(10)), jpeg(MAX_IMAGE_BYTES + 1)))
                .startsWith("bestImage"));
    }

    @Test
    void aRefusedImageIsToldItsLimitInKilobytes() {
        UploadRequest tooLarge = upload("u", "kiosk", List.of(), List.of(0L), List.of(jpeg(10)), jpeg(3 * 1024));

        ServiceException refused = assertThrows(ServiceException.class,
                () -> UploadChecks.requireWellFormed(tooLarge, CHALLENGE, FRAMES_PER_SECOND, SLACK_MS, MAX_FRAME_BYTES, 2 * 1024));

        assertEquals("bestImage must be a JPEG of at most 2 KB, base64", refused.getMessage());
    }

    @Test
    void aFrameMayBeAsLargeAsItsLimit() {
        assertAccepted(withRecording(List.of(0L), List.of(jpeg(MAX_FRAME_BYTES))));
        assertTrue(assertRefused(withRecording(List.of(0L, 1L), List.of(jpeg(10), jpeg(MAX_FRAME_BYTES + 1))))
                .startsWith("recording.frames[1]"));
    }

    @Test
    void aJpegIsAtLeastEightCharactersOfBase64StartingFfD8Ff() {
        assertAccepted(withRecording(List.of(0L), List.of(jpeg(6))));
        assertRefused(withRecording(List.of(0L), List.of(jpeg(6).substring(0, 7))));
        assertRefused(withRecording(List.of(0L), List.of("!!!!!!!!")));
        assertRefused(withRecording(List.of(0L), List.of(startingWith(0xfe, 0xd8, 0xff))));
        assertRefused(withRecording(List.of(0L), List.of(startingWith(0xff, 0xd9, 0xff))));
        assertRefused(withRecording(List.of(0L), List.of(startingWith(0xff, 0xd8, 0xfe))));
        assertRefused(withRecording(List.of(0L), Collections.singletonList(null)));
    }

    @Test
    void theRecordingMustHoldFramesEachWithItsTime() {
        assertRefused(new UploadRequest("s", "c", "sig", "u", "1.0", "kiosk", List.of(), null, jpeg(10)));
        assertRefused(withRecording(null, List.of(jpeg(10))));
        assertRefused(withRecording(List.of(0L), null));
        assertRefused(withRecording(List.of(0L, 1L), List.of(jpeg(10))));
        assertRefused(withRecording(List.of(), List.of()));
    }

    @Test
    void theRecordingMayHoldAsManyFramesAsTheLongestSessionAtTheFrameRate() {
        List<Long> times = new ArrayList<>();
        for (long i = 0; i <= MAX_FRAMES; i++) {
            times.add(i * 100);
        }

        assertAccepted(withTimes(times.subList(0, MAX_FRAMES).toArray(Long[]::new)));
        assertRefused(withTimes(times.toArray(Long[]::new)));
    }

    @Test
    void timesRiseFromZeroAndStayWithinTheLongestSession() {
        assertAccepted(withTimes(0L, 0L, LONGEST_MS));
        assertRefused(withTimes(0L, LONGEST_MS + 1));
        assertRefused(withTimes(-1L, 10L));
        assertRefused(withTimes(0L, 20L, 19L));
        assertRefused(withTimes(0L, null));
    }
}
