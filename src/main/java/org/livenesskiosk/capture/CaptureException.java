package org.livenesskiosk.capture;

/** A source cannot be opened or read at all (as opposed to one bad frame, which is skipped). */
public final class CaptureException extends Exception {

    public CaptureException(String message) {
        super(message);
    }
}
