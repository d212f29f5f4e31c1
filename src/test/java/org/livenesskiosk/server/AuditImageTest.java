package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;

/**
 * The audit image, as the mobile SDK's provider keeps one: a frame the kiosk recorded during the
 * actions, one per session, encrypted like the best image, answered by {@code detection-result}
 * ({@code auditImageUrl}) as the best image is, and deleted with it. Real requests to a real service.
 */
class AuditImageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private MouthDesk desk;
    private UploadRequest session;
    private String livenessId;

    @BeforeEach
    void uploadASession() throws Exception {
        desk = MouthDesk.open(data);
        session = RecordedSessions.upload(RecordedSessions.mouthSession(), desk.challenge(), null, "customer-42");
        livenessId = desk.client().upload(desk.ticket(), session).livenessId();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private LivenessClient.Result result(String resultType) throws ServiceCallException {
        return desk.client().result(desk.token(), "livenessId", livenessId, resultType);
    }

    private static HttpResponse<byte[]> get(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theAuditImageIsTheFrameRecordedWhenTheActionWasSeen() throws Exception {
        LivenessClient.Result result = result(OpenApi.ResultRequest.IMAGE_BASE64);
        byte[] audit = Base64.getDecoder().decode(result.auditImage());

        // One action claimed: halfway through the actions is the moment the open mouth was seen.
        long seenAtMs = session.actions().get(0).atMs();
        List<Long> times = session.recording().timesMs();
        int nearest = 0;
        for (int frame = 0; frame < times.size(); frame++) {
            nearest = Math.abs(times.get(frame) - seenAtMs) < Math.abs(times.get(nearest) - seenAtMs) ? frame : nearest;
        }
        assertArrayEquals(Base64.getDecoder().decode(session.recording().frames().get(nearest)), audit);
        assertTrue(times.get(nearest) > times.get(0), "a frame of the actions, not of the preparation's start");
        assertFalse(Arrays.equals(audit, Base64.getDecoder().decode(result.detectionResult())), "not the best image again");
    }

    @Test
    void theAuditImageIsEncryptedAtRest() throws Exception {
        byte[] audit = Base64.getDecoder().decode(result(OpenApi.ResultRequest.IMAGE_BASE64).auditImage());
        Store store = desk.server().store();
        byte[] stored = store.resultByLivenessId(store.accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow().id(),
                livenessId).orElseThrow().encryptedAuditImage().orElseThrow();

        assertFalse(Arrays.equals(audit, Arrays.copyOf(stored, audit.length)));
        assertFalse(stored[0] == (byte) 0xff && stored[1] == (byte) 0xd8, "stored as a JPEG");
        assertArrayEquals(audit, store.decryptImage(stored));
    }

    @Test
    void theAuditImageComesAsAShortLivedLinkWhenAsked() throws Exception {
        byte[] audit = Base64.getDecoder().decode(result(OpenApi.ResultRequest.IMAGE_BASE64).auditImage());
        LivenessClient.Result linked = result(OpenApi.ResultRequest.IMAGE_URL);

        assertTrue(linked.auditImage().startsWith("http://127.0.0.1:" + desk.server().port() + Routes.image(Routes.AUDIT_IMAGE, livenessId) + "?"),
                linked.auditImage());
        HttpResponse<byte[]> image = get(linked.auditImage());
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(audit, image.body());
        // A link serves the one image it was signed for: the best image's signature opens no audit image.
        String bestImagesSignature = linked.detectionResult().substring(linked.detectionResult().indexOf('?'));
        assertEquals(404, get("http://127.0.0.1:" + desk.server().port() + Routes.image(Routes.AUDIT_IMAGE, livenessId) + bestImagesSignature)
                .statusCode());
    }

    @Test
    void deletingTheResultDeletesItsAuditImage() throws Exception {
        String link = result(OpenApi.ResultRequest.IMAGE_URL).auditImage();

        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.server().port()
                + Routes.DELETE_RESULT)).header(Headers.ACCESS_TOKEN, desk.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"livenessId\":\"" + livenessId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(deleted.body().contains("\"code\":\"SUCCESS\""), deleted.body());
        assertEquals(404, get(link).statusCode());
        assertEquals("LIVENESS_ID_NOT_EXISTED", assertThrows(ServiceCallException.class,
                () -> result(OpenApi.ResultRequest.IMAGE_BASE64)).serviceCode());
    }
}
