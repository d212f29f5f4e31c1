package org.livenesskiosk.kiosk;

import java.nio.file.Path;
import java.util.Objects;

import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.ui.KioskSettings;

/**
 * Which liveness service the kiosk talks to, with its credentials: a standalone one at
 * {@code serverUrl}, or, when that is {@code null}, one embedded in this process on 127.0.0.1 with
 * the demo account, so the product works with no account and no network. Fields not given are
 * {@code null}.
 *
 * @param license           this kiosk's license, obtained by the integrator's back end
 * @param accessKey         instead of a license: the account's keys, for the kiosk to obtain its own
 * @param enrollmentCode    the one-time code from the bank's administrator that enrols this kiosk with a
 *                          standalone service (the embedded one enrols its kiosk by itself)
 * @param dataDirectory     the kiosk's outbox, and the embedded service's database
 * @param identityDirectory where the kiosk keeps its key pair and the ids services gave it: its configuration folder
 * @param trust             how far the kiosk trusts a standalone service's certificate (the console's service: the
 *                          system's authorities)
 */
public record ServiceConnection(String serverUrl, String license, String accessKey, String secretKey, String market,
                                String applicationId, String enrollmentCode, Path dataDirectory, Path identityDirectory,
                                ServiceTrust trust) {

    @Override
    public String toString() {
        return "ServiceConnection[serverUrl=" + serverUrl + ", market=" + market + ", applicationId=" + applicationId + "]";
    }

    /** The service the operator set in the kiosk's settings; blank fields are not given. */
    public static ServiceConnection of(KioskSettings settings, Path dataDirectory, Path identityDirectory) {
        return new ServiceConnection(given(settings.serviceUrl()), given(settings.license()), given(settings.accessKey()),
                given(settings.secretKey()), given(settings.market()), given(settings.applicationId()),
                given(settings.enrollmentCode()), dataDirectory, identityDirectory, ServiceTrust.SYSTEM);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A standalone service needs this kiosk's credentials: checked before any session runs. */
    public boolean complete() {
        boolean keys = accessKey != null && secretKey != null;
        return serverUrl == null || ((license != null || keys) && market != null && applicationId != null);
    }

    /** Whether both name the same service with the same credentials: else the kiosk must connect again. */
    boolean sameService(ServiceConnection other) {
        return Objects.equals(serverUrl, other.serverUrl) && Objects.equals(license, other.license)
                && Objects.equals(accessKey, other.accessKey) && Objects.equals(secretKey, other.secretKey)
                && Objects.equals(market, other.market) && Objects.equals(applicationId, other.applicationId)
                && Objects.equals(enrollmentCode, other.enrollmentCode) && Objects.equals(trust, other.trust);
    }
}
