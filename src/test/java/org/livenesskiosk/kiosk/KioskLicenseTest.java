package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.vision.Models;

/**
 * A kiosk works all day: a license it issues itself (from the account's keys, or the embedded
 * service's) runs out every hour, and the kiosk takes a new one. Before, the first license was kept
 * for good, and an hour after it started every kiosk was refused AUTH_TICKET_DISABLE — found by the
 * 10,000-session soak. A license the bank gave is the operator's to renew.
 */
class KioskLicenseTest {

    /** Long enough to authorize once on a busy machine, short enough to run out within the test. */
    private static final Duration SHORT_LICENSE = Duration.ofSeconds(3);

    @TempDir
    Path folder;

    @Test
    void aKioskWithTheAccountsKeysTakesANewLicenseWhenItsOwnRunsOut() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(folder.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0);
             KioskService kiosk = KioskService.connect(standalone(server, null), Models.fromClasspath(), SHORT_LICENSE)) {
            assertAuthorizedPastItsFirstLicense(kiosk);
        }
    }

    @Test
    void anEmbeddedKioskTakesANewLicenseWhenItsOwnRunsOut() throws Exception {
        ServiceConnection embedded = new ServiceConnection(null, null, null, null, null, null, null, folder.resolve("data"),
                folder.resolve("config"), ServiceTrust.SYSTEM);
        try (KioskService kiosk = KioskService.connect(embedded, Models.fromClasspath(), SHORT_LICENSE)) {
            assertAuthorizedPastItsFirstLicense(kiosk);
        }
    }

    @Test
    void aLicenseTheBankGaveStaysRefusedOnceItRanOut() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(folder.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0)) {
            LivenessClient bank = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(30));
            String license = bank.authLicense(bank.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY),
                    SHORT_LICENSE.toSeconds(), TestAccount.APPLICATION_ID);
            try (KioskService kiosk = KioskService.connect(standalone(server, license), Models.fromClasspath(), SHORT_LICENSE)) {
                Instant first = kiosk.authorizedUntil();
                sleepPast(first);
                ServiceCallException refused = assertThrows(ServiceCallException.class, kiosk::authorizedUntil);
                assertEquals(LivenessError.AUTH_TICKET_DISABLE, refused.error(), "the operator obtains a new license");
            }
        }
    }

    private static void assertAuthorizedPastItsFirstLicense(KioskService kiosk) throws Exception {
        Instant first = kiosk.authorizedUntil();
        assertTrue(first.isBefore(Instant.now().plus(SHORT_LICENSE)), "the ticket ends with its license: " + first);
        sleepPast(first);
        Instant next = kiosk.authorizedUntil();
        assertTrue(next.isAfter(first), "authorized again, under a new license: " + first + ", then " + next);
    }

    private static void sleepPast(Instant moment) throws InterruptedException {
        Thread.sleep(Math.max(0, moment.toEpochMilli() - System.currentTimeMillis()) + 200);
    }

    private ServiceConnection standalone(LivenessServer server, String license) {
        return new ServiceConnection("http://127.0.0.1:" + server.port(), license, license == null ? TestAccount.ACCESS_KEY : null,
                license == null ? TestAccount.SECRET_KEY : null, TestAccount.MARKET, TestAccount.APPLICATION_ID,
                server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), folder.resolve("data"), folder.resolve("config"),
                ServiceTrust.SYSTEM);
    }
}
