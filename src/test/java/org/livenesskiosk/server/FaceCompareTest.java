package org.livenesskiosk.server;

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
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.SharedData;

/**
 * {@code face/v1/compare} over real sockets against the real service: a session's best image
 * against another frame of the same man, against other people, and the refusals — another
 * account's livenessId exactly as an unknown one, a picture without one face, a body too large.
 */
class FaceCompareTest {

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
                try (Frame frame = next.get(); BytePointer jpeg = new BytePointer()) {
                    if (frame.index() == index) {
                        opencv_imgcodecs.imencode(".jpg", frame.image(), jpeg);
                        byte[] bytes = new byte[(int) jpeg.limit()];
                        jpeg.get(bytes);
                        return Base64.getEncoder().encodeToString(bytes);
                    }
                }
            }
        }
        throw new AssertionError(clip + " has no frame " + index);
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
        assertTrue(answer.match(), "similarity " + answer.similarity());
        assertTrue(answer.similarity() >= FaceComparison.MATCH_THRESHOLD && answer.similarity() <= 100);
    }

    @Test
    void otherPeopleDoNotMatch() throws Exception {
        for (String other : new String[] {frame("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi", 50), picture("aflw2000_image00050.jpg"),
                picture("skimage_astronaut_eileen_collins.png")}) {
            OpenApi.CompareAnswer answer = desk.client().compare(desk.token(), livenessId, other);

            assertFalse(answer.match(), "similarity " + answer.similarity());
            assertTrue(answer.similarity() < FaceComparison.MATCH_THRESHOLD);
        }
    }

    @Test
    void anotherAccountsLivenessIdIsRefusedAsAnUnknownOne() throws Exception {
        desk.server().store().createAccount("Other bank", "ID", "other-bank-key", "other-bank-secret");
        String otherToken = desk.client().generateToken("other-bank-key", "other-bank-secret");
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
