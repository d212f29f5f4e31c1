package org.livenesskiosk.server;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.CraftedJpegs;
import org.livenesskiosk.testdata.SharedData;

/**
 * {@code face/v1/compare} over real sockets against the real service: a session's best image
 * against another frame of the same man, against other people, at each account's threshold, and the refusals — another
 * account's livenessId exactly as an unknown one, a picture without one face, a body too large.
 */
class FaceCompareTest {

    private static final String OTHER_ACCESS_KEY = "other-bank-key";
    private static final String OTHER_SECRET_KEY = "other-bank-secret";

    @TempDir
    Path data;

    private MouthDesk desk;
    private String livenessId;

    @BeforeEach
    void start() throws Exception {
        desk = MouthDesk.open(data);
        livenessId = desk.client().upload(desk.ticket(), RecordedSessions.upload(RecordedSessions.mouthSession(), desk.challenge(), null,
                null)).livenessId();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    /** A frame of the clip, as a JPEG a bank's system might hold, base64. */
    static String frame(String clip, int index) throws Exception {
        try (FrameSource source = FrameSources.open(SharedData.video(clip), 30)) {
            for (Optional<Frame> next = source.next(); next.isPresent(); next = source.next()) {
                try (Frame frame = next.get()) {
                    if (frame.index() == index) {
                        return jpeg(frame.image());
                    }
                }
            }
        }
        throw new AssertionError(clip + " has no frame " + index);
    }

    /**
     * A frame of the clip as a card's printed portrait shows the face: grey and soft. The session's man's
     * first frame so printed scores 73 against his best image, between the default threshold and the
     * strictest; every plain frame of his scores 81 to 99, above both.
     */
    private static String printed(String clip, int index) throws Exception {
        try (Mat frame = JpegFrames.decode(Base64.getDecoder().decode(frame(clip, index))); Mat grey = new Mat(); Mat soft = new Mat()) {
            cvtColor(frame, grey, COLOR_BGR2GRAY);
            GaussianBlur(grey, soft, new Size(0, 0), 3);
            return jpeg(soft);
        }
    }

    private static String jpeg(Mat image) {
        try (BytePointer jpeg = new BytePointer()) {
            opencv_imgcodecs.imencode(".jpg", image, jpeg);
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    private static String picture(String name) throws Exception {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(SharedData.image(name)));
    }

    private ServiceCallException refused(String document) {
        return assertThrows(ServiceCallException.class, () -> desk.client().compare(desk.token(), livenessId, document));
    }

    @Test
    void theSameManInAnotherFrameMatches() throws Exception {
        OpenApi.CompareAnswer answer = desk.client().compare(desk.token(), livenessId, frame(RecordedSessions.MOUTH_CLIP, 200));

        assertEquals(livenessId, answer.livenessId());
        assertEquals(FaceComparison.DEFAULT_MATCH_THRESHOLD, answer.threshold(), "an account that set none");
        assertTrue(answer.match(), "similarity " + answer.similarity());
        assertTrue(answer.similarity() >= FaceComparison.DEFAULT_MATCH_THRESHOLD && answer.similarity() <= 100);
    }

    @Test
    void eachAccountMatchesAtItsOwnThreshold() throws Exception {
        eachAccountMatchesAtItsOwnThreshold(desk, livenessId);
    }

    /**
     * The same pair for two banks, the session's best image stored for each: a match for the bank at the
     * default threshold and none for the one whose administrator set the strictest, exactly because its
     * similarity lies between; each answer says its own threshold, and the banks swapping their settings
     * swaps the answers, neither's setting moving the other's. Shared with {@link PostgresServiceTest}.
     */
    static void eachAccountMatchesAtItsOwnThreshold(MouthDesk desk, String livenessId) throws Exception {
        Store store = desk.server().store();
        Store.Account bank = store.accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
        Store.Account other = store.createAccount("Other bank", "ID", OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
        Store.StoredResult ours = store.resultByLivenessId(bank.id(), livenessId).orElseThrow();
        String theirs = UUID.randomUUID().toString().replace("-", "");
        store.saveResult(new Store.StoredResult(theirs, other.id(), "s-" + theirs, Optional.empty(), Optional.empty(), ours.score(),
                Optional.empty(), Optional.empty(), ours.sdkVersion(), ours.platform(), ours.encryptedImage(), ours.encryptedAuditImage(),
                Optional.empty(), Optional.empty()), new Fingerprints(), "kiosk-of-the-other-bank", System.currentTimeMillis());
        String otherToken = desk.client().generateToken(OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
        String document = printed(RecordedSessions.MOUTH_CLIP, 0);
        Accounts accounts = desk.server().accounts();

        accounts.setSettings(OTHER_ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY, FaceComparison.MAX_MATCH_THRESHOLD);
        OpenApi.CompareAnswer atDefault = desk.client().compare(desk.token(), livenessId, document);
        OpenApi.CompareAnswer strictest = desk.client().compare(otherToken, theirs, document);

        assertEquals(atDefault.similarity(), strictest.similarity(), "the same pair");
        assertTrue(atDefault.similarity() >= FaceComparison.DEFAULT_MATCH_THRESHOLD
                && atDefault.similarity() < FaceComparison.MAX_MATCH_THRESHOLD, "similarity " + atDefault.similarity());
        assertEquals(List.of(FaceComparison.DEFAULT_MATCH_THRESHOLD, true), List.of(atDefault.threshold(), atDefault.match()));
        assertEquals(List.of(FaceComparison.MAX_MATCH_THRESHOLD, false), List.of(strictest.threshold(), strictest.match()));

        accounts.setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY, FaceComparison.MAX_MATCH_THRESHOLD);
        accounts.setSettings(OTHER_ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
        OpenApi.CompareAnswer oursNow = desk.client().compare(desk.token(), livenessId, document);
        OpenApi.CompareAnswer theirsNow = desk.client().compare(otherToken, theirs, document);

        assertEquals(List.of(FaceComparison.MAX_MATCH_THRESHOLD, false), List.of(oursNow.threshold(), oursNow.match()));
        assertEquals(List.of(FaceComparison.DEFAULT_MATCH_THRESHOLD, true), List.of(theirsNow.threshold(), theirsNow.match()));
    }

    @Test
    void otherPeopleDoNotMatch() throws Exception {
        for (String other : new String[] {frame("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi", 50), picture("aflw2000_image00050.jpg"),
                picture("skimage_astronaut_eileen_collins.png")}) {
            OpenApi.CompareAnswer answer = desk.client().compare(desk.token(), livenessId, other);

            assertFalse(answer.match(), "similarity " + answer.similarity());
            assertTrue(answer.similarity() < FaceComparison.DEFAULT_MATCH_THRESHOLD);
        }
    }

    @Test
    void anotherAccountsLivenessIdIsRefusedAsAnUnknownOne() throws Exception {
        desk.server().store().createAccount("Other bank", "ID", OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
        String otherToken = desk.client().generateToken(OTHER_ACCESS_KEY, OTHER_SECRET_KEY);
        String sameMan = frame(RecordedSessions.MOUTH_CLIP, 200);

        ServiceCallException theirs = assertThrows(ServiceCallException.class, () -> desk.client().compare(otherToken, livenessId, sameMan));
        ServiceCallException unknown = assertThrows(ServiceCallException.class, () -> desk.client().compare(otherToken, "nope", sameMan));

        assertEquals("LIVENESS_ID_NOT_EXISTED", theirs.serviceCode());
        assertEquals(unknown.serviceCode(), theirs.serviceCode());
        assertEquals(unknown.getMessage(), theirs.getMessage());
    }

    @Test
    void aCallWithoutAValidTokenIsRefused() throws Exception {
        String sameMan = frame(RecordedSessions.MOUTH_CLIP, 200);

        assertEquals("IAM_FAILED", assertThrows(ServiceCallException.class, () -> desk.client().compare("forged", livenessId, sameMan))
                .serviceCode());
    }

    @Test
    void aDocumentWithoutAFaceOrWithTwoIsRefusedSaySo() throws Exception {
        ServiceCallException none = refused(picture("noface_fivek_a1956_windmill_N1.5.jpg"));
        ServiceCallException two = refused(picture("whitehouse_two_people.jpg"));

        assertEquals("NO_FACE_DETECTED", none.serviceCode());
        assertTrue(none.getMessage().contains("documentImage shows no face"), none.getMessage());
        assertEquals("MULTIPLE_FACES_DETECTED", two.serviceCode());
        assertTrue(two.getMessage().contains("documentImage shows 2 faces"), two.getMessage());
    }

    @Test
    void aDocumentThatIsNoPictureIsAParameterError() {
        String script = Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));

        assertEquals("PARAMETER_ERROR", refused(script).serviceCode());
        assertEquals("PARAMETER_ERROR", refused("not base64 at all!").serviceCode());
    }

    @Test
    void aPictureDeclaringHugeSidesIsRefusedBeforeItIsDecoded() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "png", png);
        byte[] bomb = png.toByteArray();
        // IHDR's width, after the signature, the chunk's length and its type; then the chunk's CRC again.
        ByteBuffer.wrap(bomb).putInt(16, 100_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb).putInt(29, (int) crc.getValue());

        ServiceCallException refused = refused(Base64.getEncoder().encodeToString(bomb));

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("pixels a side"), refused.getMessage());
    }

    @Test
    void aJpegOfThousandsOfScansIsRefusedBeforeItIsDecoded() {
        String crafted = Base64.getEncoder().encodeToString(CraftedJpegs.progressiveFilledWithScans(1920, 1080, 250_000));

        ServiceCallException refused = refused(crafted);

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("scans"), refused.getMessage());
    }

    @Test
    void theDocumentIsNotKeptOnDisk() throws Exception {
        byte[] document = Files.readAllBytes(SharedData.image("aflw2000_image00050.jpg"));
        desk.client().compare(desk.token(), livenessId, Base64.getEncoder().encodeToString(document));
        // A stretch of the picture's compressed data, far from the header any JPEG may share.
        String stretch = new String(document, document.length / 2, 64, StandardCharsets.ISO_8859_1);

        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(stretch), file + " holds the document");
            }
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedBeforeItIsRead() {
        String tooLarge = "A".repeat((int) RequestSize.MAX_COMPARE_BYTES);

        ServiceCallException refused = refused(tooLarge);

        assertEquals("PAYLOAD_TOO_LARGE", refused.serviceCode());
    }
}
