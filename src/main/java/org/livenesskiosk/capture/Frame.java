package org.livenesskiosk.capture;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame. Whoever takes a frame owns its pixels and must close it.
 *
 * @param image       BGR (or grey) pixels
 * @param index       position in the source, from 0, counting skipped corrupt frames too
 * @param timestampMs time in the source, in milliseconds
 */
public record Frame(Mat image, int index, long timestampMs) implements AutoCloseable {

    @Override
    public void close() {
        image.close();
    }
}
