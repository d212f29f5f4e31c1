package org.livenesskiosk.capture;

import java.util.Optional;

/** A sequence of frames in time order. Not thread-safe: one reader at a time. */
public interface FrameSource extends AutoCloseable {

    /** The next good frame, or empty at the end; corrupt frames on the way are skipped and counted. */
    Optional<Frame> next();

    /** How many frames could not be decoded and were skipped so far. */
    int corruptFrames();

    /** Frames per second of the source (nominal for a clip, as configured for a folder). */
    double framesPerSecond();

    /**
     * Holds the camera's exposure and white balance where they are ({@code true}), or gives them back
     * to the camera ({@code false}), where the camera allows it: for the light step. A clip, a folder
     * or a camera without such controls ignores it.
     */
    default void holdExposure(boolean hold) {
    }

    @Override
    void close();
}
