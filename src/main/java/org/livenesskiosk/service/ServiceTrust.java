package org.livenesskiosk.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Which service a kiosk trusts, and how far: over HTTPS, a certificate the system's authorities
 * vouch for, or those in {@code caFile} instead; optionally one of the pinned public keys in its
 * chain, whoever signed it. Plain HTTP is for a service on this machine only, unless the operator
 * says otherwise: biometric data never crosses a network in clear text by accident.
 *
 * @param caFile       PEM certificates of the authorities that vouch for the service, instead of the system's
 * @param pins         {@code sha256/BASE64} of public keys, one of which the service's chain must hold
 * @param insecureHttp plain HTTP allowed to a service on another machine
 */
public record ServiceTrust(Optional<Path> caFile, List<String> pins, boolean insecureHttp) {

    /** The system's authorities, no pin, HTTPS to any other machine. */
    public static final ServiceTrust SYSTEM = new ServiceTrust(Optional.empty(), List.of(), false);

    public ServiceTrust {
        pins = List.copyOf(pins);
    }

    /**
     * Checks, before anything connects, that a service at {@code url} can be trusted as this says.
     *
     * @throws IllegalArgumentException with the sentence {@link #apply} would refuse it with, or for a URL that is not http(s)
     */
    public void requireUsableFor(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("The service's address must be an http:// or https:// URL, not " + url);
        }
        apply(parsed, new OkHttpClient.Builder());
    }

    /**
     * The HTTP client for the service at {@code url}, trusting as this says.
     *
     * @throws IllegalArgumentException with a sentence for the operator: plain HTTP to another machine,
     *                                  a pin without HTTPS or not of the form {@code sha256/BASE64}, a CA file that cannot be read
     */
    OkHttpClient.Builder apply(HttpUrl url, OkHttpClient.Builder http) {
        if (!url.isHttps()) {
            if (!pins.isEmpty() || caFile.isPresent()) {
                throw new IllegalArgumentException("A certificate pin or CA file needs an https:// service, not " + url);
            }
            if (!insecureHttp && !onThisMachine(url.host())) {
                throw new IllegalArgumentException("The service " + url + " is on another machine and not over HTTPS: customers' "
                        + "faces would cross the network in clear text. Use its https:// address, or --insecure-http to allow it");
            }
            return http;
        }
        if (!pins.isEmpty()) {
            CertificatePinner.Builder pinner = new CertificatePinner.Builder();
            for (String pin : pins) {
                if (!pin.matches("sha256/[A-Za-z0-9+/]{43}=")) {
                    throw new IllegalArgumentException("A pin is sha256/ and the base64 SHA-256 of the public key, not " + pin);
                }
                pinner.add(url.host(), pin);
            }
            http.certificatePinner(pinner.build());
        }
        X509TrustManager trust = new ValidityFirst(caFile.map(ServiceTrust::trustManager).orElseGet(ServiceTrust::systemTrustManager));
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            http.sslSocketFactory(tls.getSocketFactory(), trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java cannot speak TLS", e);
        }
        return http;
    }

    /**
     * The authorities' judgement, after the service's own certificate was found within its dates:
     * the path builder alone would call an expired certificate one no authority vouches for, and the
     * operator would call the wrong person.
     */
    private record ValidityFirst(X509TrustManager authorities) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length > 0) {
                chain[0].checkValidity();
            }
            authorities.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            authorities.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return authorities.getAcceptedIssuers();
        }
    }

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no trust store", e);
        }
    }

    private static boolean onThisMachine(String host) {
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Trusts the certificates in the PEM file, and only them, as authorities. */
    private static X509TrustManager trustManager(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (authorities.isEmpty()) {
                throw new IllegalArgumentException("The CA file " + file + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate authority : authorities) {
                store.setCertificateEntry("authority-" + n++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new IllegalArgumentException("The CA file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA file " + file + " is not PEM certificates", e);
        }
    }
}
