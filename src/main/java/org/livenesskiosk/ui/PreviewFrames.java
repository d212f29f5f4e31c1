package org.livenesskiosk.ui;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The hand-over of preview frames from the analysis thread to the UI thread: two BGRA buffers,
 * one being filled while the other waits to be drawn, swapped under a lock held only for the swap
 * and the UI's copy. The analysis thread never waits for drawing; frames the display is too slow
 * for are overwritten, never queued.
 */
public final class PreviewFrames {

    /** A frame's pixels: {@code width × height} BGRA, alpha opaque. */
    record Pixels(int width, int height, ByteBuffer bgra) {
    }

    private Pixels filling = new Pixels(0, 0, ByteBuffer.allocateDirect(0));
    private Pixels ready = filling;
    private boolean fresh;
    private long offered;
    private long drawn;

    /** Called on the analysis thread: {@code fill} writes {@code width × height × 4} bytes of BGRA into the buffer. */
    public void offer(int width, int height, Consumer<ByteBuffer> fill) {
        if (filling.width() != width || filling.height() != height) {
            filling = new Pixels(width, height, ByteBuffer.allocateDirect(width * height * 4));
        }
        filling.bgra().clear();
        fill.accept(filling.bgra());
        synchronized (this) {
            Pixels done = filling;
            filling = ready;
            ready = done;
            fresh = true;
            offered++;
        }
    }

    /** Called on the UI thread: hands the newest frame not yet drawn to {@code draw}, if there is one. */
    synchronized boolean drawNewest(Consumer<Pixels> draw) {
        if (!fresh) {
            return false;
        }
        fresh = false;
        drawn++;
        draw.accept(ready);
        return true;
    }

    /** How many frames were drawn, of those offered: whether the preview keeps up. */
    public synchronized long drawnFrames() {
        return drawn;
    }

    public synchronized long offeredFrames() {
        return offered;
    }
}
