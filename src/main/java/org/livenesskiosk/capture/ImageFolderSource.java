package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images read as a sequence at a given frame rate: a folder of frames (in file-name
 * order), or one image as a one-frame sequence.
 */
public final class ImageFolderSource implements FrameSource {

    private final List<Path> images;
    private final double framesPerSecond;
    private int position;
    private int corruptFrames;

    ImageFolderSource(List<Path> images, double framesPerSecond) {
        this.images = List.copyOf(images);
        this.framesPerSecond = framesPerSecond;
    }

    @Override
    public Optional<Frame> next() {
        while (position < images.size()) {
            int index = position++;
            // IMREAD_COLOR also applies the EXIF orientation, so phone pictures stand upright.
            Mat image = imread(images.get(index).toString(), IMREAD_COLOR);
            if (!image.empty()) {
                return Optional.of(new Frame(image, index, Math.round(index * 1000 / framesPerSecond)));
            }
            image.close();
            corruptFrames++;
        }
        return Optional.empty();
    }

    @Override
    public int corruptFrames() {
        return corruptFrames;
    }

    @Override
    public double framesPerSecond() {
        return framesPerSecond;
    }

    @Override
    public void close() {
        // Nothing stays open between frames.
    }
}
