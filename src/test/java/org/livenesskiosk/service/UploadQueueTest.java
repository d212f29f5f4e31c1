package org.livenesskiosk.service;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * No result is lost: a session the service could not take waits in the outbox, and once the
 * fault clears it is delivered exactly once, also across a restart of the kiosk.
 */
class UploadQueueTest {

    /** Stands for a face image (a small grey JPEG): what matters here is that it never lies on disk in the clear. */
    /** A small grey JPEG: a picture with no face, as the queue needs no more. */
    static final String IMAGE = greyJpeg();

    private static String greyJpeg() {
        try (Mat grey = new Mat(32, 32, CV_8UC3, new Scalar(128, 128, 128, 0)); BytePointer jpeg = new BytePointer()) {
            imencode(".jpg", grey, jpeg);
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    @TempDir
    Path data;

    private LivenessServer service;
    private LivenessClient client;
    private MockWebServer faulty;

    @BeforeEach
    void start() throws Exception {
        service = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath())).start("127.0.0.1", 0);
        // The recorded sessions uploaded here were made without the far/near stage.
        service.accounts().setSettings(TestAccount.ACCESS_KEY, ChallengeSettings.defaults().withFarNear(false));
        client = EnrolledKiosk.client(service, data.resolve("kiosk"));
        faulty = new MockWebServer();
        faulty.start();
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
        faulty.shutdown();
    }

    private String ticket() throws ServiceCallException {
        String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
        return client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();
    }

    /** A session under a challenge the service issued; its pictures show no face, which is no matter to the queue. */
    private UploadRequest session() throws ServiceCallException {
        String challengeId = client.challenge(ticket(), new KioskApi.ChallengeRequest(40, 80)).challengeId();
        return new UploadRequest(UUID.randomUUID().toString(), challengeId, null, null, "0.1.0", "kiosk-linux",
                List.of(new UploadRequest.Action("BLINK", 1200)),
                new UploadRequest.Recording(List.of(0L, 40L, 80L), List.of(IMAGE, IMAGE, IMAGE)), IMAGE);
    }

    /** The kiosk as it starts: its outbox on disk, a client to wherever the service is. */
    private UploadQueue kiosk(LivenessClient to) throws IOException {
        return new UploadQueue(Outbox.open(data.resolve("outbox")), to, this::ticket);
    }

    private LivenessClient faultyService(MockResponse... answers) {
        for (MockResponse answer : answers) {
            faulty.enqueue(answer);
        }
        return new LivenessClient(faulty.url("/").toString(), Duration.ofMillis(500));
    }

    @Test
    void eachFaultKeepsTheSessionAndTheRecoveredServiceGivesOneLivenessId() throws Exception {
        List<MockResponse> faults = List.of(
                new MockResponse().setResponseCode(500),
                new MockResponse().setBody("not json at all"),
                new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
                new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_REQUEST_BODY),
                new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{}}").throttleBody(2, 1, java.util.concurrent.TimeUnit.SECONDS));
        UploadRequest session = session();
        UploadQueue.Delivery first = kiosk(faultyService(faults.get(0))).submit(session);
        assertFalse(first.delivered());
        assertEquals(LivenessError.UNDEFINED, first.failure().error());
        for (MockResponse fault : faults.subList(1, faults.size())) {
            List<UploadQueue.Delivery> retried = kiosk(faultyService(fault)).retryPending();
            assertEquals(1, retried.size());
            assertFalse(retried.get(0).delivered(), retried.get(0).toString());
        }

        List<UploadQueue.Delivery> recovered = kiosk(client).retryPending();

        assertEquals(1, recovered.size());
        assertTrue(recovered.get(0).delivered());
        assertTrue(kiosk(client).retryPending().isEmpty(), "delivered sessions leave the outbox");
        assertEquals(recovered.get(0).livenessId(), client.upload(ticket(), session).livenessId(), "one livenessId per session");
    }

    @Test
    void aKioskKilledBetweenTheAnswerAndTheAcknowledgementStillGetsOneLivenessId() throws Exception {
        UploadRequest session = session();
        Outbox outbox = Outbox.open(data.resolve("outbox"));
        outbox.put(session);
        String answeredBeforeTheCrash = client.upload(ticket(), session).livenessId();

        List<UploadQueue.Delivery> afterRestart = kiosk(client).retryPending();

        assertEquals(1, afterRestart.size());
        assertEquals(answeredBeforeTheCrash, afterRestart.get(0).livenessId());
    }

    @Test
    void anUnreachableServiceIsCheckingBadNetworkAndTheSessionWaits() throws Exception {
        faulty.shutdown();
        UploadQueue.Delivery delivery = kiosk(new LivenessClient(faulty.url("/").toString(), Duration.ofMillis(500)))
                .submit(session());

        assertEquals(LivenessError.CHECKING_BAD_NETWORK, delivery.failure().error());
        assertEquals(1, Outbox.open(data.resolve("outbox")).pending().size());
    }

    @Test
    void aSessionRefusedForGoodIsSetAsideNotRetriedForever() throws Exception {
        String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String signatureId = client.generateSignatureId(token);
        UploadRequest first = withSignature(session(), signatureId);
        UploadRequest second = withSignature(session(), signatureId);
        UploadQueue kiosk = kiosk(client);

        assertTrue(kiosk.submit(first).delivered());
        UploadQueue.Delivery refused = kiosk.submit(second);

        assertEquals("PARAMETER_ERROR", refused.failure().serviceCode());
        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, refused.failure().error(), "a reused signatureId is a wrong parameter");
        assertTrue(refused.refused() && !refused.pending(), "refused for good, not pending");
        assertTrue(Outbox.open(data.resolve("outbox")).pending().isEmpty());
        assertTrue(Files.exists(data.resolve("outbox").resolve("rejected").resolve(second.sessionId() + ".upload")));
    }

    private static UploadRequest withSignature(UploadRequest upload, String signatureId) {
        return new UploadRequest(upload.sessionId(), upload.challengeId(), signatureId, upload.userId(), upload.sdkVersion(),
                upload.platform(), upload.actions(), upload.recording(), upload.bestImage());
    }

    @Test
    void waitingSessionsAreEncryptedOnDisk() throws Exception {
        faulty.shutdown();
        UploadRequest session = session();
        kiosk(new LivenessClient(faulty.url("/").toString(), Duration.ofMillis(500))).submit(session);

        Path file = data.resolve("outbox").resolve(session.sessionId() + ".upload");
        String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(IMAGE.substring(0, 40)) || stored.contains("BLINK"), "the outbox holds evidence in the clear");
        assertEquals(session, Outbox.open(data.resolve("outbox")).pending().get(0));
    }

    @Test
    void keepsRetryingUntilTheServiceTakesIt() throws Exception {
        UploadRequest session = session();
        Outbox.open(data.resolve("outbox")).put(session);
        ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor();
        try {
            kiosk(client).keepRetrying(network);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Outbox.open(data.resolve("outbox")).pending().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            network.shutdownNow();
        }
        assertTrue(Outbox.open(data.resolve("outbox")).pending().isEmpty());
    }
}
