package org.livenesskiosk.server;

import org.livenesskiosk.protocol.Envelope;

/** A request the service refuses, with the code the caller branches on. */
final class ServiceException extends RuntimeException {

    private final String code;

    ServiceException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The refusal as the caller reads it. */
    Envelope envelope() {
        return Envelope.error(code, getMessage());
    }
}
