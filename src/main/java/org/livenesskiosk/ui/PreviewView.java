package org.livenesskiosk.ui;

import java.nio.ByteBuffer;

import javafx.animation.AnimationTimer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The live preview, mirrored as customers expect of a camera facing them. Draws once per display
 * refresh at most: the newest frame is copied into the {@link PixelBuffer} the image shares with
 * the scene graph, with no per-pixel conversion on the UI thread.
 */
final class PreviewView extends ImageView {

    private final AnimationTimer refresh;
    private PreviewFrames frames = new PreviewFrames();
    private PixelBuffer<ByteBuffer> pixels;

    PreviewView() {
        setPreserveRatio(true);
        setSmooth(true);
        setScaleX(-1);
        refresh = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.drawNewest(PreviewView.this::draw);
            }
        };
    }

    /** Shows the frames of this source from now on. */
    void show(PreviewFrames source) {
        frames = source;
        setImage(null);
        pixels = null;
        refresh.start();
    }

    void stop() {
        refresh.stop();
    }

    private void draw(PreviewFrames.Pixels frame) {
        if (pixels == null || pixels.getWidth() != frame.width() || pixels.getHeight() != frame.height()) {
            pixels = new PixelBuffer<>(frame.width(), frame.height(),
                    ByteBuffer.allocateDirect(frame.width() * frame.height() * 4), PixelFormat.getByteBgraPreInstance());
            setImage(new WritableImage(pixels));
        }
        pixels.updateBuffer(buffer -> {
            ByteBuffer target = buffer.getBuffer();
            target.clear();
            target.put(frame.bgra().duplicate().rewind());
            return null;
        });
    }
}
