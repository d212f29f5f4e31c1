package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.Outbox;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.vision.Models;

import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The service over TLS, attacked as a kiosk meets it on a bank's network: a certificate from an
 * authority it does not trust, for another name, expired, a key that is not the pinned one, plain
 * HTTP to another machine, an old cipher suite. Each is refused with {@code AUTH_BAD_NETWORK} and a
 * sentence naming the certificate problem, and the outbox keeps the session.
 */
class ServiceTlsTest {

    private static final HeldCertificate AUTHORITY = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Bank test CA").build();

    @TempDir
    Path data;

    private LivenessServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HeldCertificate serviceCertificate(String commonName, String host, Instant from, Instant until) {
        return new HeldCertificate.Builder().commonName(commonName).addSubjectAlternativeName(host).signedBy(AUTHORITY)
                .validityInterval(from.toEpochMilli(), until.toEpochMilli()).build();
    }

    private static HeldCertificate validFor(String host) {
        return serviceCertificate("liveness.bank.test", host, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(30)));
    }

    private void write(HeldCertificate certificate) throws Exception {
        Files.writeString(data.resolve("service.pem"), certificate.certificatePem() + AUTHORITY.certificatePem());
        Files.writeString(data.resolve("service.key"), certificate.privateKeyPkcs8Pem());
    }

    private String serve(HeldCertificate certificate) throws Exception {
        write(certificate);
        server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath()))
                .tls(data.resolve("service.pem"), data.resolve("service.key")).start("127.0.0.1", 0);
        return "https://127.0.0.1:" + server.port();
    }

    private Path authorityFile() throws Exception {
        Path file = data.resolve("ca.pem");
        Files.writeString(file, AUTHORITY.certificatePem());
        return file;
    }

    private static LivenessClient client(String url, ServiceTrust trust) {
        return new LivenessClient(url, Duration.ofSeconds(10), Optional.empty(), trust, Clock.systemUTC());
    }

    private static ServiceCallException refused(LivenessClient client) {
        return assertThrows(ServiceCallException.class, () -> client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY));
    }

    @Test
    void aKioskTrustingTheBanksAuthorityIsServedAndSeesTheCertificate() throws Exception {
        HeldCertificate certificate = validFor("127.0.0.1");
        String url = serve(certificate);
        LivenessClient kiosk = new LivenessClient(url, Duration.ofSeconds(10), Optional.of(DeviceIdentity.in(data.resolve("kiosk"))),
                new ServiceTrust(Optional.of(authorityFile()), List.of(CertificatePinner.pin(certificate.certificate())), false),
                Clock.systemUTC());

        kiosk.enroll(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), "0.1.0");
        String token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        kiosk.authorize(kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID), TestAccount.MARKET, TestAccount.APPLICATION_ID,
                "0.1.0");

        LivenessClient.ServiceCertificate seen = kiosk.certificate().orElseThrow();
        assertTrue(seen.subject().contains("CN=liveness.bank.test"), seen.toString());
        assertEquals(certificate.certificate().getNotAfter().toInstant(), seen.expires());
    }

    @Test
    void aCertificateNoTrustedAuthoritySignedIsRefusedSayingSo() throws Exception {
        String url = serve(validFor("127.0.0.1"));

        ServiceCallException refusal = refused(client(url, ServiceTrust.SYSTEM));

        assertEquals(LivenessError.AUTH_BAD_NETWORK, refusal.error());
        assertTrue(refusal.getMessage().contains("no authority this kiosk trusts"), refusal.getMessage());
    }

    @Test
    void aKeyThatIsNotThePinnedOneIsRefusedEvenFromATrustedAuthority() throws Exception {
        String url = serve(validFor("127.0.0.1"));
        String otherKey = CertificatePinner.pin(validFor("127.0.0.1").certificate());

        ServiceCallException refusal = refused(client(url, new ServiceTrust(Optional.of(authorityFile()), List.of(otherKey), false)));

        assertEquals(LivenessError.AUTH_BAD_NETWORK, refusal.error());
        assertTrue(refusal.getMessage().contains("not the pinned one"), refusal.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefusedSayingSo() throws Exception {
        String url = serve(serviceCertificate("liveness.bank.test", "127.0.0.1", Instant.now().minus(Duration.ofDays(60)),
                Instant.now().minus(Duration.ofDays(1))));

        ServiceCallException refusal = refused(client(url, new ServiceTrust(Optional.of(authorityFile()), List.of(), false)));

        assertEquals(LivenessError.AUTH_BAD_NETWORK, refusal.error());
        assertTrue(refusal.getMessage().contains("expired"), refusal.getMessage());
    }

    @Test
    void aCertificateForAnotherNameIsRefusedSayingSo() throws Exception {
        String url = serve(validFor("liveness.other-bank.test"));

        ServiceCallException refusal = refused(client(url, new ServiceTrust(Optional.of(authorityFile()), List.of(), false)));

        assertTrue(refusal.getMessage().contains("issued for another name"), refusal.getMessage());
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> client("http://192.0.2.10:8080", ServiceTrust.SYSTEM));
        assertTrue(refused.getMessage().contains("--insecure-http"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client("http://127.0.0.1:8080",
                new ServiceTrust(Optional.empty(), List.of("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), false)),
                "a pin means nothing over plain HTTP");

        client("http://192.0.2.10:8080", new ServiceTrust(Optional.empty(), List.of(), true));
        client("http://127.0.0.1:8080", ServiceTrust.SYSTEM);
    }

    @Test
    void onlyCurrentProtocolsAndSuitesAreSpoken() throws Exception {
        serve(validFor("127.0.0.1"));
        SSLSocketFactory trusting = new HandshakeCertificates.Builder().addTrustedCertificate(AUTHORITY.certificate()).build()
                .sslSocketFactory();

        try (SSLSocket current = (SSLSocket) trusting.createSocket("127.0.0.1", server.port())) {
            current.startHandshake();
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(current.getSession().getProtocol()));
        }
        try (SSLSocket old = (SSLSocket) trusting.createSocket("127.0.0.1", server.port())) {
            old.setEnabledProtocols(new String[] {"TLSv1.2"});
            old.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"});
            assertThrows(SSLHandshakeException.class, old::startHandshake, "no forward secrecy, no AEAD: refused");
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        String url = serve(validFor("127.0.0.1"));
        ServiceTrust trust = new ServiceTrust(Optional.of(authorityFile()), List.of(), false);
        LivenessClient before = client(url, trust);
        before.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        assertTrue(before.certificate().orElseThrow().subject().contains("liveness.bank.test"));

        write(serviceCertificate("renewed.bank.test", "127.0.0.1", Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(90))));

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String subject = "";
        while (!subject.contains("renewed.bank.test") && System.nanoTime() < giveUp) {
            Thread.sleep(500);
            LivenessClient fresh = client(url, trust);
            fresh.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            subject = fresh.certificate().orElseThrow().subject();
        }
        assertTrue(subject.contains("renewed.bank.test"), "still served: " + subject);
    }

    @Test
    void aSessionRefusedForItsCertificateStaysInTheOutbox() throws Exception {
        String url = serve(validFor("127.0.0.1"));
        String otherKey = CertificatePinner.pin(validFor("127.0.0.1").certificate());
        LivenessClient kiosk = new LivenessClient(url, Duration.ofSeconds(10), Optional.of(DeviceIdentity.in(data.resolve("kiosk"))),
                new ServiceTrust(Optional.of(authorityFile()), List.of(otherKey), false), Clock.systemUTC());
        Outbox outbox = Outbox.open(data.resolve("outbox"));
        UploadRequest session = new UploadRequest(UUID.randomUUID().toString(), "challenge", null, null, "0.1.0", "kiosk", List.of(),
                new UploadRequest.Recording(List.of(), List.of()), null);

        UploadQueue.Delivery delivery = new UploadQueue(outbox, kiosk, () -> "ticket").submit(session);

        assertTrue(delivery.pending(), delivery.toString());
        assertTrue(delivery.failure().getMessage().contains("not the pinned one"), delivery.failure().getMessage());
        assertEquals(List.of(session.sessionId()), outbox.waiting().stream().map(Outbox.Waiting::sessionId).toList());
    }
}
