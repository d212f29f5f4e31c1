package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.CraftedJpegs;
import org.livenesskiosk.testdata.SharedData;

/**
 * The document's portrait the kiosk captured, carried by its upload: stored encrypted, compared
 * when the bank sends no picture of its own, deleted with the result and by the retention, and
 * refused with nothing stored when it is larger than a document picture may be.
 */
class DocumentPortraitTest {

    @TempDir
    Path data;

    private MouthDesk desk;

    @BeforeEach
    void start() throws Exception {
        desk = MouthDesk.open(data);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    /** The mouth session's upload, carrying {@code portrait} as the document's. */
    private UploadRequest withPortrait(byte[] portrait) throws Exception {
        UploadRequest upload = RecordedSessions.upload(RecordedSessions.mouthSession(), desk.challenge(), null, null);
        return new UploadRequest(upload.sessionId(), upload.challengeId(), null, null, upload.sdkVersion(), upload.platform(),
                upload.actions(), upload.recording(), upload.bestImage(), null, null, Base64.getEncoder().encodeToString(portrait));
    }

    private String uploaded(byte[] portrait) throws Exception {
        return desk.client().upload(desk.ticket(), withPortrait(portrait)).livenessId();
    }

    private Store.StoredResult stored(String livenessId) {
        return desk.server().store().resultByLivenessIdAnyAccount(livenessId).orElseThrow();
    }

    private OpenApi.CompareAnswer compareWithCaptured(String livenessId) throws ServiceCallException {
        return desk.client().compare(desk.token(), livenessId, null);
    }

    @Test
    void theCapturedPortraitIsKeptEncryptedAndComparedWhenTheBankSendsNone() throws Exception {
        byte[] sameMan = Base64.getDecoder().decode(FaceCompareTest.frame(RecordedSessions.MOUTH_CLIP, 200));
        String livenessId = uploaded(sameMan);

        byte[] kept = stored(livenessId).encryptedDocumentImage().orElseThrow();
        assertFalse(Arrays.equals(sameMan, kept), "kept encrypted");
        assertArrayEquals(sameMan, desk.server().store().decryptImage(kept));
        // A stretch of the portrait's compressed data, far from the header any JPEG may share, is in no file of the service.
        String stretch = new String(sameMan, sameMan.length / 2, 64, StandardCharsets.ISO_8859_1);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(stretch), file + " holds it");
            }
        }
        OpenApi.CompareAnswer answer = compareWithCaptured(livenessId);
        assertTrue(answer.match(), "similarity " + answer.similarity());
    }

    @Test
    void anotherPersonsPortraitDoesNotMatch() throws Exception {
        String livenessId = uploaded(Files.readAllBytes(SharedData.image("aflw2000_image00050.jpg")));

        OpenApi.CompareAnswer answer = compareWithCaptured(livenessId);

        assertFalse(answer.match(), "similarity " + answer.similarity());
        assertTrue(answer.similarity() < FaceComparison.DEFAULT_MATCH_THRESHOLD);
    }

    @Test
    void withoutAnyDocumentPictureTheComparisonIsAParameterError() throws Exception {
        String livenessId = desk.client().upload(desk.ticket(), RecordedSessions.upload(RecordedSessions.mouthSession(),
                desk.challenge(), null, null)).livenessId();

        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> compareWithCaptured(livenessId));

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("no document portrait"), refused.getMessage());
    }

    @Test
    void thePortraitGoesWithTheResultAndWithTheRetention() throws Exception {
        byte[] sameMan = Base64.getDecoder().decode(FaceCompareTest.frame(RecordedSessions.MOUTH_CLIP, 200));
        String erased = uploaded(sameMan);
        String aged = uploaded(sameMan);
        Store store = desk.server().store();

        assertTrue(store.deleteResult(stored(erased).accountId(), erased));
        assertTrue(store.resultByLivenessIdAnyAccount(erased).isEmpty(), "the row, and its portrait, are gone");
        assertTrue(stored(aged).encryptedDocumentImage().isPresent());
        new Retention(store, Duration.ofMillis(1)).apply(System.currentTimeMillis() + 10);

        assertTrue(stored(aged).encryptedDocumentImage().isEmpty(), "the retention deletes the portrait with the other images");
        assertEquals("PARAMETER_ERROR", assertThrows(ServiceCallException.class, () -> compareWithCaptured(aged)).serviceCode());
    }

    @Test
    void aPortraitDeclaringHugeSidesIsRefusedWhenComparedNotDecoded() throws Exception {
        // Within the document's bytes, so stored; its header, read before any pixel, says 40,000 pixels a side.
        String livenessId = uploaded(CraftedJpegs.declaring(40_000, 40_000));

        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> compareWithCaptured(livenessId));

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("pixels a side"), refused.getMessage());
    }

    @Test
    void aPortraitOverTheDocumentsBoundIsRefusedAndNothingIsStored() throws Exception {
        byte[] oversized = new byte[FaceComparison.MAX_DOCUMENT_BYTES + 3];
        oversized[0] = (byte) 0xff;
        oversized[1] = (byte) 0xd8;
        oversized[2] = (byte) 0xff;
        UploadRequest upload = withPortrait(oversized);

        ServiceCallException refused = assertThrows(ServiceCallException.class, () -> desk.client().upload(desk.ticket(), upload));

        assertEquals("PARAMETER_ERROR", refused.serviceCode());
        assertTrue(refused.getMessage().contains("documentPortrait"), refused.getMessage());
        Store.Account account = desk.server().store().accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
        assertTrue(desk.server().store().resultBySession(account.id(), upload.sessionId()).isEmpty(), "nothing stored");
    }
}
