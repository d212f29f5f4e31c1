package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.vision.Models;

/**
 * A kiosk whose clock is ten minutes off, fast or slow, still works: every answer carries the
 * service's time, and a request refused for its time is signed again at the service's. (A request
 * signed ten minutes off and sent as it is stays refused: {@code DeviceIdentityAttackTest}.)
 */
class ClockSkewTest {

    @TempDir
    Path data;

    private LivenessServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath())).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {-10, 10})
    void aKioskTenMinutesOffEnrolsAuthorizesAndIsChallenged(long minutesOff) throws Exception {
        Clock off = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutesOff));
        LivenessClient kiosk = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(10),
                Optional.of(DeviceIdentity.in(data.resolve("kiosk"))), ServiceTrust.SYSTEM, off);

        kiosk.enroll(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), "0.1.0");
        String token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        LivenessClient.Authorization authorization = kiosk.authorize(kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID),
                TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0");
        KioskApi.ChallengeAnswer challenge = kiosk.challenge(authorization.ticket(), new KioskApi.ChallengeRequest(15, 120));

        assertNotNull(challenge.challengeId());
        assertEquals(1, server.accounts().devices(TestAccount.ACCESS_KEY).size());
    }
}
