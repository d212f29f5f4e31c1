package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images read as a sequence at a given frame rate: a folder of frames (in file-name
 * order), or one image as a one-frame sequence.
 */
public final class ImageFolderSource extends StoredPictures<Path> {

    private final double framesPerSecond;

    ImageFolderSource(List<Path> images, double framesPerSecond) {
        super(images);
        this.framesPerSecond = framesPerSecond;
    }

    /** IMREAD_COLOR also applies the EXIF orientation, so phone pictures stand upright. */
    @Override
    Mat decode(Path image) {
        return imread(image.toString(), IMREAD_COLOR);
    }

    @Override
    long timestampMs(int index) {
        return Math.round(index * 1000 / framesPerSecond);
    }

    @Override
    public double framesPerSecond() {
        return framesPerSecond;
    }
}
