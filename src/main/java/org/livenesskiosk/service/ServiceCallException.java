package org.livenesskiosk.service;

import org.livenesskiosk.liveness.LivenessError;

/**
 * A call to the service that failed: the public code, and the service's own code and message
 * where it answered, shown to the operator as they came.
 */
public final class ServiceCallException extends Exception {

    private final LivenessError error;
    private final String serviceCode;

    public ServiceCallException(LivenessError error, String serviceCode, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.serviceCode = serviceCode;
    }

    public LivenessError error() {
        return error;
    }

    /** The service's own code ({@code SERVICE_BUSY}, {@code RESULT_NOT_FOUND}, …), or the public code when it never answered. */
    public String serviceCode() {
        return serviceCode;
    }
}
