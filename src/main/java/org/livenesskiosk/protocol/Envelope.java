package org.livenesskiosk.protocol;

import java.util.UUID;

/**
 * Every answer of the service, always with HTTP 200: callers branch on {@code code}, never on
 * {@code message}.
 */
public record Envelope(String code, String message, Object data, Object extra, String transactionId,
                       String pricingStrategy) {

    public static final String SUCCESS = "SUCCESS";

    public static Envelope ok(Object data) {
        return new Envelope(SUCCESS, "OK", data, null, newTransactionId(), "FREE");
    }

    public static Envelope error(String code, String message) {
        return new Envelope(code, message, null, null, newTransactionId(), "FREE");
    }

    private static String newTransactionId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
