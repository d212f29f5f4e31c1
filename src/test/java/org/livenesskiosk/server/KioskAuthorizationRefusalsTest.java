package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.kiosk.ServiceConnection;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.vision.Models;

/**
 * Every refusal of the calls that authorize a kiosk — the token, the license, the enrolment and the
 * authorization itself — as the kiosk reports it to its operator: the mobile SDK's AUTH_* code, the
 * service's own code beside it. Each is the kiosk's own {@link KioskService} against a real service
 * over real sockets.
 */
class KioskAuthorizationRefusalsTest {

    private static final String APPLICATION = "org.bank.kiosk";

    @TempDir
    static Path data;
    private static LivenessServer server;
    private static String url;
    private static int kiosks;

    @BeforeAll
    static void start() throws IOException {
        server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath())).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A bank's account in market ID with the kiosk application registered. */
    private static Accounts.Created bank() {
        Accounts.Created bank = server.accounts().create("Bank", "ID");
        server.accounts().addApplication(bank.accessKey(), APPLICATION);
        return bank;
    }

    /** A new kiosk (its own key pair) with the bank's keys and a fresh enrollment code. */
    private static ServiceConnection kioskWithKeys(Accounts.Created bank, String secretKey) {
        return connection(null, bank.accessKey(), secretKey, "ID", APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code());
    }

    private static ServiceConnection connection(String license, String accessKey, String secretKey, String market, String applicationId,
                                                String enrollmentCode) {
        Path kiosk = data.resolve("kiosk-" + ++kiosks);
        return new ServiceConnection(url, license, accessKey, secretKey, market, applicationId, enrollmentCode, kiosk, kiosk, ServiceTrust.SYSTEM);
    }

    /** What the kiosk tells its operator when it authorizes with this connection. */
    private static ServiceCallException refused(ServiceConnection connection) throws Exception {
        try (KioskService kiosk = KioskService.connect(connection, Models.fromClasspath())) {
            return assertThrows(ServiceCallException.class, kiosk::authorize);
        }
    }

    /** What the kiosk tells its operator when, authorized once, it authorizes again after {@code barring}. */
    private static ServiceCallException refusedAfter(ServiceConnection connection, Runnable barring) throws Exception {
        try (KioskService kiosk = KioskService.connect(connection, Models.fromClasspath())) {
            kiosk.authorize();
        }
        barring.run();
        return refused(connection);
    }

    private static void assertRefused(LivenessError error, String serviceCode, ServiceCallException refused) {
        assertEquals(error, refused.error(), refused.serviceCode() + ": " + refused.getMessage());
        assertEquals(serviceCode, refused.serviceCode(), refused.getMessage());
    }

    /** A license the bank's back end obtained for its kiosks, valid for {@code seconds}. */
    private static String license(Accounts.Created bank, long seconds) throws ServiceCallException {
        LivenessClient backEnd = new LivenessClient(url, Duration.ofSeconds(10));
        return backEnd.authLicense(backEnd.generateToken(bank.accessKey(), bank.secretKey()), seconds, APPLICATION);
    }

    // The token

    @Test
    void aWrongSecretKeyIsAuthParameterError() throws Exception {
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "IAM_FAILED", refused(kioskWithKeys(bank(), "a-guessed-secret")));
    }

    @Test
    void anUnknownAccessKeyIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        ServiceConnection connection = connection(null, "no-such-access-key", bank.secretKey(), "ID", APPLICATION,
                server.accounts().enrollDevice(bank.accessKey()).code());
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "IAM_FAILED", refused(connection));
    }

    @Test
    void anAccessKeyTooLongIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        ServiceConnection connection = connection(null, "k".repeat(65), bank.secretKey(), "ID", APPLICATION,
                server.accounts().enrollDevice(bank.accessKey()).code());
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "PARAMETER_ERROR", refused(connection));
    }

    @Test
    void aDisabledAccountsKeysAreAuthAccountAccessDenied() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, "ACCOUNT_DISABLED", refusedAfter(kioskWithKeys(bank, bank.secretKey()),
                () -> server.accounts().setEnabled(bank.accessKey(), false)));
    }

    // The license

    @Test
    void anApplicationIdTooLongForALicenseIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        ServiceConnection connection = connection(null, bank.accessKey(), bank.secretKey(), "ID", "a".repeat(2_001),
                server.accounts().enrollDevice(bank.accessKey()).code());
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "PARAMETER_ERROR", refused(connection));
    }

    // The enrolment

    @Test
    void aKioskNeverEnrolledIsAuthIamFailed() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_IAM_FAILED, "KIOSK_NOT_ENROLLED",
                refused(connection(null, bank.accessKey(), bank.secretKey(), "ID", APPLICATION, null)));
    }

    @Test
    void aWrongEnrollmentCodeIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "AUTH_PARAMETER_ERROR",
                refused(connection(null, bank.accessKey(), bank.secretKey(), "ID", APPLICATION, "ABCDE-FGHJK")));
    }

    @Test
    void anEnrollmentCodeOfADisabledAccountIsAuthAccountAccessDenied() throws Exception {
        Accounts.Created bank = bank();
        ServiceConnection kiosk = kioskWithKeys(bank, bank.secretKey());
        server.accounts().setEnabled(bank.accessKey(), false);

        assertRefused(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, "AUTH_ACCOUNT_ACCESS_DENIED", refused(kiosk));
    }

    // The authorization

    @Test
    void aWrongMarketIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "AUTH_PARAMETER_ERROR", refused(connection(null, bank.accessKey(),
                bank.secretKey(), "VN", APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void aMarketTooLongIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "PARAMETER_ERROR", refused(connection(null, bank.accessKey(),
                bank.secretKey(), "M".repeat(21), APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void anUnregisteredApplicationIdIsAuthIamFailed() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_IAM_FAILED, "AUTH_IAM_FAILED", refused(connection(null, bank.accessKey(),
                bank.secretKey(), "ID", "org.bank.unregistered", server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void anExpiredLicenseIsAuthTicketDisable() throws Exception {
        Accounts.Created bank = bank();
        String license = license(bank, 1);
        Thread.sleep(1_100);
        assertRefused(LivenessError.AUTH_TICKET_DISABLE, "AUTH_TICKET_DISABLE", refused(connection(license, null, null, "ID",
                APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void aLicenseThisServiceNeverIssuedIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        String license = license(bank, 600);
        String forged = license.substring(0, license.indexOf('.') - 2) + "xx" + license.substring(license.indexOf('.'));
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "AUTH_PARAMETER_ERROR", refused(connection(forged, null, null, "ID",
                APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void anotherBanksLicenseIsAuthParameterError() throws Exception {
        Accounts.Created bank = bank();
        Accounts.Created otherBank = bank();
        assertRefused(LivenessError.AUTH_PARAMETER_ERROR, "AUTH_PARAMETER_ERROR", refused(connection(license(otherBank, 600), null,
                null, "ID", APPLICATION, server.accounts().enrollDevice(bank.accessKey()).code())));
    }

    @Test
    void aDisabledAccountsLicenseIsAuthAccountAccessDenied() throws Exception {
        Accounts.Created bank = bank();
        ServiceConnection kiosk = connection(license(bank, 600), null, null, "ID", APPLICATION,
                server.accounts().enrollDevice(bank.accessKey()).code());
        assertRefused(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, "AUTH_ACCOUNT_ACCESS_DENIED",
                refusedAfter(kiosk, () -> server.accounts().setEnabled(bank.accessKey(), false)));
    }

    @Test
    void aRevokedKioskIsAuthAccountAccessDenied() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, "AUTH_ACCOUNT_ACCESS_DENIED", refusedAfter(
                kioskWithKeys(bank, bank.secretKey()),
                () -> server.accounts().revokeDevice(server.accounts().devices(bank.accessKey()).get(0).id())));
    }

    @Test
    void aLockedOutKioskIsAuthAccountAccessDenied() throws Exception {
        Accounts.Created bank = bank();
        assertRefused(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, "DEVICE_LOCKED", refusedAfter(kioskWithKeys(bank, bank.secretKey()), () -> {
            String accountId = server.store().accountByAccessKey(bank.accessKey()).orElseThrow().id();
            String deviceId = server.accounts().devices(bank.accessKey()).get(0).id();
            for (int failure = 0; failure < ServiceLimits.MAX_FAILURES; failure++) {
                server.store().recordDeviceFailure(accountId, deviceId, System.currentTimeMillis());
            }
        }));
    }
}
