package org.livenesskiosk.vision;

/** A vision model is missing, unreadable, or not the file whose digest is pinned. */
public final class ModelException extends RuntimeException {

    private final String fileName;

    public ModelException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    public ModelException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
