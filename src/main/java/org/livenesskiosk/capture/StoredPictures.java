package org.livenesskiosk.capture;

import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A sequence of stored pictures read as frames, decoded one at a time: a picture that does not
 * decode is skipped and counted, like a corrupt frame of a clip.
 *
 * @param <P> how a picture is stored: a file, or JPEG bytes
 */
abstract class StoredPictures<P> implements FrameSource {

    private final List<P> pictures;
    private int position;
    private int corruptFrames;

    StoredPictures(List<P> pictures) {
        this.pictures = List.copyOf(pictures);
    }

    /** The picture's pixels, or an empty Mat when it is not a picture. */
    abstract Mat decode(P picture);

    /** When the picture at {@code index} was taken, in the sequence's time. */
    abstract long timestampMs(int index);

    final int size() {
        return pictures.size();
    }

    final P picture(int index) {
        return pictures.get(index);
    }

    @Override
    public final Optional<Frame> next() {
        while (position < pictures.size()) {
            int index = position++;
            Mat image = decode(pictures.get(index));
            if (!image.empty()) {
                return Optional.of(new Frame(image, index, timestampMs(index)));
            }
            image.close();
            corruptFrames++;
        }
        return Optional.empty();
    }

    @Override
    public final int corruptFrames() {
        return corruptFrames;
    }

    @Override
    public final void close() {
        // Each picture is decoded on demand; nothing stays open between frames.
    }
}
