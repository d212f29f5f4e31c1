package org.livenesskiosk.capture;

/** A live source stopped delivering frames: the camera was unplugged, hung, or its driver failed. */
public final class DeviceLostException extends RuntimeException {

    public DeviceLostException(String message) {
        super(message);
    }

    public DeviceLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
