package org.livenesskiosk.protocol;

/** The service's HTTP headers, written once for the client and the server. */
public final class Headers {

    /** The open API's token, from {@link Routes#GENERATE_TOKEN}, on every other open-API call. */
    public static final String ACCESS_TOKEN = "X-ACCESS-TOKEN";
    /** The kiosk's ticket, from {@link Routes#KIOSK_AUTHORIZE}, on its uploads. */
    public static final String KIOSK_TICKET = "X-KIOSK-TICKET";
    /** Seconds to wait before trying again, with {@code SERVICE_BUSY}. */
    public static final String RETRY_AFTER = "Retry-After";

    private Headers() {
    }
}
