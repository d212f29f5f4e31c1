package org.livenesskiosk.service;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import okhttp3.HttpUrl;

/**
 * The sentence an operator reads when the kiosk would not trust the service's certificate: which
 * problem it is (expired, another name, an authority the kiosk does not trust, not the pinned key),
 * so that they know whom to call, instead of the TLS stack's own words.
 */
final class CertificateProblem {

    private CertificateProblem() {
    }

    static String describe(HttpUrl url, SSLException failure) {
        String service = "The service " + url.host() + ":" + url.port();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return service + " showed an expired certificate: renew it";
            }
            if (cause instanceof CertificateNotYetValidException) {
                return service + " showed a certificate not valid yet: check the clocks of the kiosk and the service";
            }
            if (cause instanceof SSLPeerUnverifiedException unverified && String.valueOf(unverified.getMessage()).contains("pinning")) {
                return service + " showed a public key that is not the pinned one (--pin): it may not be the bank's service";
            }
            if (cause instanceof SSLPeerUnverifiedException unverified && String.valueOf(unverified.getMessage()).contains("Hostname")) {
                return service + " showed a certificate issued for another name than " + url.host();
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return service + " showed a certificate no authority this kiosk trusts vouches for (the system's, or --ca-file)";
            }
        }
        return service + " could not be reached over TLS: " + failure.getMessage();
    }
}
