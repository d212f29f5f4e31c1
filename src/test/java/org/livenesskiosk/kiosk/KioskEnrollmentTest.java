package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.vision.Models;

/** A kiosk enrols once with the code its bank's administrator made, keeps its key to itself, and is refused once revoked. */
class KioskEnrollmentTest {

    @TempDir
    Path folder;

    private ServiceConnection standalone(LivenessServer server, String enrollmentCode) {
        return new ServiceConnection("http://127.0.0.1:" + server.port(), null, TestAccount.ACCESS_KEY,
                TestAccount.SECRET_KEY, TestAccount.MARKET, TestAccount.APPLICATION_ID, enrollmentCode,
                folder.resolve("data"), folder.resolve("config"), ServiceTrust.SYSTEM);
    }

    private static List<Accounts.Device> devices(LivenessServer server) {
        return server.accounts().devices(TestAccount.ACCESS_KEY);
    }

    @Test
    void aKioskEnrolsOnceWithItsCodeAndIsRefusedOnceRevoked() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(folder.resolve("service"), Models.fromClasspath())).start("127.0.0.1", 0)) {
            try (KioskService unenrolled = KioskService.connect(standalone(server, null), Models.fromClasspath())) {
                ServiceCallException refused = assertThrows(ServiceCallException.class, unenrolled::authorize);
                assertEquals(LivenessError.AUTH_IAM_FAILED, refused.error());
                assertEquals("KIOSK_NOT_ENROLLED", refused.serviceCode());
            }
            String code = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
            try (KioskService enrolling = KioskService.connect(standalone(server, code), Models.fromClasspath())) {
                enrolling.authorize();
            }
            // Restarted, with the used code still in its settings or none: the same device, no second enrolment.
            for (String stillThere : new String[] {code, null}) {
                try (KioskService restarted = KioskService.connect(standalone(server, stillThere), Models.fromClasspath())) {
                    restarted.authorize();
                }
            }
            assertEquals(1, devices(server).size());

            server.accounts().revokeDevice(devices(server).get(0).id());
            try (KioskService revoked = KioskService.connect(standalone(server, code), Models.fromClasspath())) {
                assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, assertThrows(ServiceCallException.class, revoked::authorize).error());
            }

            String newCode = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
            try (KioskService reenrolled = KioskService.connect(standalone(server, newCode), Models.fromClasspath())) {
                reenrolled.authorize();
            }
            assertEquals(2, devices(server).size());
            assertNotEquals(devices(server).get(0).id(), devices(server).get(1).id());
        }
    }

    @Test
    void anAddressTheKioskIsNotEnrolledWithIsNamedBesideTheOnesItIs() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(folder.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0)) {
            String code = server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code();
            try (KioskService enrolling = KioskService.connect(standalone(server, code), Models.fromClasspath())) {
                enrolling.authorize();
            }
            ServiceConnection mistyped = new ServiceConnection("http://127.0.0.1:9", null, TestAccount.ACCESS_KEY,
                    TestAccount.SECRET_KEY, TestAccount.MARKET, TestAccount.APPLICATION_ID, null,
                    folder.resolve("data"), folder.resolve("config"), ServiceTrust.SYSTEM);
            try (KioskService elsewhere = KioskService.connect(mistyped, Models.fromClasspath())) {
                ServiceCallException refused = assertThrows(ServiceCallException.class, elsewhere::authorize);

                assertEquals("KIOSK_NOT_ENROLLED", refused.serviceCode());
                assertEquals("This kiosk is not enrolled with the service at http://127.0.0.1:9: enter the enrollment code from the "
                        + "bank's administrator, or check the address (it is enrolled with http://127.0.0.1:" + server.port() + ")",
                        refused.getMessage());
            }
        }
    }

    @Test
    void theEmbeddedServiceEnrolsItsKioskByItselfOnce() throws Exception {
        ServiceConnection embedded = new ServiceConnection(null, null, null, null, null, null, null, folder.resolve("data"),
                folder.resolve("config"), ServiceTrust.SYSTEM);
        for (int start = 0; start < 2; start++) {
            try (KioskService service = KioskService.connect(embedded, Models.fromClasspath())) {
                service.authorize();
            }
        }
        try (LivenessServer server = LivenessServer.open(folder.resolve("data").resolve("service"), Models.fromClasspath())) {
            assertEquals(1, server.accounts().devices(server.accounts().local().accessKey()).size(),
                    "the kiosk kept its device across restarts");
        }
    }

    @Test
    void theKiosksKeysDataAndSettingsAreItsOwnersOnly() throws Exception {
        SettingsFile settings = new SettingsFile(folder.resolve("config").resolve(SettingsFile.NAME));
        settings.write(KioskSettings.defaults());
        SessionHistory.open(folder.resolve("data"));
        ServiceConnection embedded = new ServiceConnection(null, null, null, null, null, null, null, folder.resolve("data"),
                folder.resolve("config"), ServiceTrust.SYSTEM);
        try (KioskService service = KioskService.connect(embedded, Models.fromClasspath())) {
            service.authorize();
        }

        for (Path owned : List.of(folder.resolve("config"), folder.resolve("data"), folder.resolve("data/service"),
                folder.resolve("data/outbox"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(owned)), owned.toString());
        }
        for (Path owned : List.of(folder.resolve("config").resolve(SettingsFile.NAME), folder.resolve("config").resolve(DeviceIdentity.KEY_FILE),
                folder.resolve("config").resolve(DeviceIdentity.ENROLLMENTS_FILE), folder.resolve("data/kiosk.db"),
                folder.resolve("data/service/liveness.db"), folder.resolve("data/service/service.key"),
                folder.resolve("data/outbox/outbox.key"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(owned)), owned.toString());
        }
    }
}
