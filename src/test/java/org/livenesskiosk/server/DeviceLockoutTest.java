package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.vision.Models;
import org.livenesskiosk.testdata.EnrolledKiosk;

/** Five failed uploads within three minutes lock that kiosk out for a while; other kiosks go on. */
class DeviceLockoutTest {

    @TempDir
    Path data;

    @Test
    void aKioskFailingFiveTimesIsLockedOutAndOthersAreNot() throws Exception {
        try (LivenessServer server = LivenessServer.open(data, Models.fromClasspath(), new ServiceLimits(2, 2_000, 60_000))
                .start("127.0.0.1", 0)) {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve("desk-2"));
            LivenessClient otherDesk = EnrolledKiosk.client(server, data.resolve("desk-3"));
            String token = client.generateToken(LivenessServer.DEMO_ACCESS_KEY, LivenessServer.DEMO_SECRET_KEY);
            String license = client.authLicense(token, 600, LivenessServer.DEMO_APPLICATION_ID);
            String ticket = client.authorize(license, LivenessServer.DEMO_MARKET, LivenessServer.DEMO_APPLICATION_ID, "0.1.0")
                    .ticket();
            String neutral = ClipFrames.jpegBase64("liveportrait_d18_man_yawn_mouth_open.avi", 30);

            for (int attempt = 0; attempt < ServiceLimits.MAX_FAILURES; attempt++) {
                String livenessId = client.upload(ticket, claimingAnOpenMouth(neutral));
                assertEquals(0, client.result(token, "livenessId", livenessId).livenessScore());
            }

            ServiceCallException locked = assertThrows(ServiceCallException.class, () -> client.upload(ticket, claimingAnOpenMouth(neutral)));
            assertEquals("DEVICE_LOCKED", locked.serviceCode());
            assertTrue(locked.getMessage().contains("try again in"), locked.getMessage());
            assertEquals("DEVICE_LOCKED", assertThrows(ServiceCallException.class, () -> client.authorize(license,
                    LivenessServer.DEMO_MARKET, LivenessServer.DEMO_APPLICATION_ID, "0.1.0")).serviceCode());
            otherDesk.authorize(license, LivenessServer.DEMO_MARKET, LivenessServer.DEMO_APPLICATION_ID, "0.1.0");
        }
    }

    /** A client that says the mouth opened, with a frame where it did not. */
    private static UploadRequest claimingAnOpenMouth(String neutralFrame) {
        return new UploadRequest(UUID.randomUUID().toString(), null, null, "0.1.0", "kiosk",
                List.of(new UploadRequest.Action("MOUTH", 1000)), List.of(),
                Map.of("best", neutralFrame, "neutral", neutralFrame, "mouth", neutralFrame));
    }
}
