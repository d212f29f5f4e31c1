package org.livenesskiosk.server;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_POS_FRAMES;

import java.util.Base64;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;
import org.livenesskiosk.testdata.SharedData;

/** Single frames of a shared clip as base64 JPEG, the way evidence carries them. */
final class ClipFrames {

    private ClipFrames() {
    }

    static String jpegBase64(String clip, int frameIndex) {
        VideoCapture capture = new VideoCapture(SharedData.video(clip).toString());
        try (Mat frame = new Mat(); BytePointer encoded = new BytePointer()) {
            capture.set(CAP_PROP_POS_FRAMES, frameIndex);
            if (!capture.read(frame)) {
                throw new IllegalArgumentException(clip + " has no frame " + frameIndex);
            }
            imencode(".jpg", frame, encoded);
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        } finally {
            capture.release();
            capture.close();
        }
    }
}
