package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.vision.Models;

/**
 * {@code serve --retention-days}: a result older than the retention keeps its livenessId, score and
 * times for the integrator, and loses its images; a newer one keeps all. The one-way fingerprints of
 * both stay for the replay window.
 */
class RetentionTest {

    private static final long DAY_MS = 86_400_000;

    @TempDir
    Path data;

    @Test
    void resultsOlderThanTheRetentionLoseTheirFaceAndKeepTheirVerdict() throws Exception {
        long now = System.currentTimeMillis();
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath()))) {
            String old = stored(server.store(), now - 8 * DAY_MS);
            String recent = stored(server.store(), now - 6 * DAY_MS);
            assertEquals(2, server.store().fingerprintsSince(0));

            server.retention(Duration.ofDays(7)).start("127.0.0.1", 0);
            long giveUp = System.currentTimeMillis() + 10_000;
            while (server.store().resultByLivenessIdAnyAccount(old).orElseThrow().encryptedImage().isPresent()
                    && System.currentTimeMillis() < giveUp) {
                Thread.sleep(50);
            }

            LivenessClient integrator = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(10));
            String token = integrator.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            LivenessClient.Result past = integrator.result(token, "livenessId", old);
            assertEquals(old, past.livenessId());
            assertEquals(80, past.livenessScore(), "the verdict stays");
            assertNull(past.detectionResult(), "the face is gone");
            assertNull(past.auditImage(), "the audit image too");
            assertNull(past.imageFarUrl(), "and the far/near stage's images");
            assertNull(past.imageNearUrl());
            LivenessClient.Result newer = integrator.result(token, "livenessId", recent);
            assertNotNull(newer.detectionResult(), "a newer result keeps its images");
            assertNotNull(newer.auditImage());
            assertNotNull(newer.imageFarUrl());
            assertEquals(2, server.store().fingerprintsSince(0), "one-way fingerprints stay for the replay window");
            assertTrue(server.store().resultByLivenessIdAnyAccount(recent).orElseThrow().encryptedImage().isPresent());
        }
    }

    /**
     * A kiosk's consent states the service's own numbers: the authorization carries the retention
     * as set (none: the images stay until the result is deleted) and the replay window.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 7, 90})
    void theAuthorizationTellsTheKioskTheRetentionAndTheReplayWindow(int retentionDays) throws Exception {
        try (LivenessServer opened = TestAccount.in(LivenessServer.open(data, Models.fromClasspath()))) {
            LivenessServer server = (retentionDays == 0 ? opened : opened.retention(Duration.ofDays(retentionDays)))
                    .start("127.0.0.1", 0);
            LivenessClient kiosk = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(10),
                    Optional.of(DeviceIdentity.in(data.resolve("kiosk"))), ServiceTrust.SYSTEM, Clock.systemUTC());
            kiosk.enroll(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), "0.1.0");
            String token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            KioskApi.Keeping keeping = kiosk.authorize(kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID),
                    TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").keeping().orElseThrow();

            assertEquals(retentionDays == 0 ? null : retentionDays, keeping.retentionDays());
            assertEquals(Duration.ofMillis(KioskRoutes.REPLAY_WINDOW_MS).toDays(), keeping.replayWindowDays());
            assertEquals(30, keeping.replayWindowDays(), "the window serve --help and docs/identity.md name");
        }
    }

    /** A result with every image (best, audit, far and near) and fingerprints, stored at {@code at} as an upload would. */
    private static String stored(Store store, long at) {
        Store.Account demo = store.accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow();
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        byte[] image = store.encrypt(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        store.saveResult(new Store.StoredResult(livenessId, demo.id(), "s-" + livenessId, Optional.empty(), Optional.empty(), 80,
                Optional.empty(), Optional.empty(), "0.1.0", "kiosk", Optional.of(image), Optional.of(image),
                Optional.of(new Store.FarNearImages(image, 100, image, 900)), Optional.empty()), new Fingerprints(), "kiosk-1", at);
        return livenessId;
    }
}
