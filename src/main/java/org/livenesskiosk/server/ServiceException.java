package org.livenesskiosk.server;

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
}
