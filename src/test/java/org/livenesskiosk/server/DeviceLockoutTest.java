package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

/** Five failed uploads within three minutes lock that kiosk out for a while; other kiosks go on. */
class DeviceLockoutTest {

    @TempDir
    Path data;

    @Test
    void aKioskFailingFiveTimesIsLockedOutAndOthersAreNot() throws Exception {
        try (LivenessServer server = RecordedSessions.askingForTheMouth(
                TestAccount.in(LivenessServer.open(data, Models.fromClasspath(), new ServiceLimits(2, 2_000, 60_000))).start("127.0.0.1", 0))) {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve("desk-2"));
            LivenessClient otherDesk = EnrolledKiosk.client(server, data.resolve("desk-3"));
            String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
            String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                    .ticket();
            for (int attempt = 0; attempt < ServiceLimits.MAX_FAILURES; attempt++) {
                String livenessId = client.upload(ticket, claimingAnOpenMouthLater(client, ticket)).livenessId();
                assertEquals(0, client.result(token, "livenessId", livenessId).livenessScore());
            }

            ServiceCallException locked = assertThrows(ServiceCallException.class,
                    () -> client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120)));
            assertEquals("DEVICE_LOCKED", locked.serviceCode());
            assertTrue(locked.getMessage().contains("try again in"), locked.getMessage());
            assertEquals("DEVICE_LOCKED", assertThrows(ServiceCallException.class, () -> client.authorize(license,
                    TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")).serviceCode());
            otherDesk.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0");
        }
    }

    /** A client that says the mouth opened two seconds after its recording shows it. */
    private static UploadRequest claimingAnOpenMouthLater(LivenessClient client, String ticket) throws Exception {
        SessionOutcome genuine = RecordedSessions.mouthSession();
        KioskApi.ChallengeAnswer challenge = client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
        long seenAtMs = genuine.result().actions().get(0).atMs();
        return RecordedSessions.upload(genuine, challenge.challengeId(), List.of(new UploadRequest.Action("MOUTH", seenAtMs + 2_000)),
                null, null);
    }
}
