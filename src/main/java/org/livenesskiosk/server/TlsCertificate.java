package org.livenesskiosk.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's TLS: its certificate chain and private key from PEM files ({@code serve --tls-cert
 * --tls-key}), TLS 1.2 and 1.3 only with forward-secret AEAD suites, and the files read again when
 * they change (a renewed certificate needs no restart: {@link #watch}). A key that is not the
 * certificate's, or files that are not PEM, stop the service at start with a sentence saying which.
 */
final class TlsCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(TlsCertificate.class);
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    /** The suites of TLS 1.3, and TLS 1.2's that are forward secret and authenticated encryption: nothing else is offered. */
    private static final String[] CIPHER_SUITES = {"TLS_AES_.*", "TLS_CHACHA20_POLY1305_.*", "TLS_ECDHE_.*_WITH_AES_.*_GCM_.*",
            "TLS_ECDHE_.*_WITH_CHACHA20_POLY1305_.*"};
    /** How often the files are looked at for a renewal: a certificate renewed days before it expires needs no haste. */
    private static final long WATCH_EVERY_SECONDS = 5;
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private final Path certificateFile;
    private final Path keyFile;
    private final SslContextFactory.Server context = new SslContextFactory.Server();
    private volatile Stamp loaded;
    private ScheduledExecutorService watcher;

    /** The files' times and sizes when they were read: a renewal changes one of them. */
    private record Stamp(FileTime certificate, long certificateSize, FileTime key, long keySize) {
        static Stamp of(Path certificate, Path key) throws IOException {
            return new Stamp(Files.getLastModifiedTime(certificate), Files.size(certificate), Files.getLastModifiedTime(key),
                    Files.size(key));
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    TlsCertificate(Path certificateFile, Path keyFile) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        context.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        context.setIncludeCipherSuites(CIPHER_SUITES);
        context.setKeyStorePassword(new String(IN_MEMORY));
        try {
            loaded = Stamp.of(certificateFile, keyFile);
            context.setKeyStore(keyStore(certificateFile, keyFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("The TLS certificate or key cannot be read: " + e.getMessage(), e);
        }
    }

    /** A connector speaking TLS on {@code host:port} for {@code server}. */
    ServerConnector connector(Server server, HttpConfiguration plain, String host, int port) {
        HttpConfiguration secure = new HttpConfiguration(plain);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // The kiosk checks the certificate's name itself; a service reached by its address must not refuse it.
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(context, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(secure));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Reads the files again whenever they change, until {@link #close}; a renewal that cannot be read keeps the old one. */
    void watch() {
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tls-certificate-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, WATCH_EVERY_SECONDS, WATCH_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the files again if they changed since they were last read. */
    void reloadIfChanged() {
        try {
            Stamp now = Stamp.of(certificateFile, keyFile);
            if (Objects.equals(now, loaded)) {
                return;
            }
            KeyStore renewed = keyStore(certificateFile, keyFile);
            context.reload(factory -> factory.setKeyStore(renewed));
            loaded = now;
            LOG.info("TLS certificate read again from {}", certificateFile);
        } catch (Exception e) {
            LOG.warn("The renewed TLS certificate or key cannot be used, the previous one stays: {}", e.getMessage());
        }
    }

    void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private static KeyStore keyStore(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain.get(0))) {
            throw new IllegalArgumentException("The TLS key " + keyFile + " is not the key of the certificate " + certificateFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("service", key, IN_MEMORY, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The TLS certificate and key cannot be used together: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no certificate");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate chain", e);
        }
    }

    /** An unencrypted PKCS #8 key ({@code BEGIN PRIVATE KEY}), RSA, EC or Ed25519. */
    private static PrivateKey privateKey(Path file) throws IOException {
        Matcher pem = PRIVATE_KEY.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!pem.find()) {
            throw new IllegalArgumentException(file + " is not an unencrypted PKCS #8 PEM key (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.group(1)));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException e) {
                // Not this algorithm's key: try the next.
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This Java has no " + algorithm + " key factory", e);
            }
        }
        throw new IllegalArgumentException(file + " is not an RSA, EC or Ed25519 private key");
    }

    /** Whether the key signs what the certificate's public key verifies. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
