package org.livenesskiosk.testdata;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.RequestSignature;
import org.livenesskiosk.service.DeviceIdentity;

/** A kiosk request made by hand, signed as {@link org.livenesskiosk.service.LivenessClient} signs it: for tests that send what no client would. */
public final class SignedRequest {

    private SignedRequest() {
    }

    /** The signature headers of a request signed now, with a fresh nonce. */
    public static Map<String, String> headers(DeviceIdentity identity, String deviceId, String method, String target, byte[] body) {
        return headers(identity, deviceId, method, target, body, System.currentTimeMillis(), UUID.randomUUID().toString());
    }

    public static Map<String, String> headers(DeviceIdentity identity, String deviceId, String method, String target, byte[] body,
                                              long timestamp, String nonce) {
        byte[] signature = identity.sign(RequestSignature.message(method, target, deviceId, timestamp, nonce, body));
        Map<String, String> headers = new LinkedHashMap<>();
        if (deviceId.isEmpty()) {
            headers.put(Headers.KIOSK_PUBLIC_KEY, identity.publicKey());
        } else {
            headers.put(Headers.KIOSK_DEVICE, deviceId);
        }
        headers.put(Headers.KIOSK_TIMESTAMP, Long.toString(timestamp));
        headers.put(Headers.KIOSK_NONCE, nonce);
        headers.put(Headers.KIOSK_SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return headers;
    }

    /** A POST of {@code json} to {@code path} on the service at {@code port}, signed now. */
    public static HttpRequest.Builder post(int port, String path, String json, DeviceIdentity identity, String deviceId) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers(identity, deviceId, "POST", path, body).forEach(request::header);
        return request;
    }
}
