package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The classic OpenCV face finder, as the benchmark's baseline: the Haar frontal-face cascade and,
 * inside each face, the eye cascade, both as shipped in the OpenCV jar. Tuned as fairly as a
 * kiosk allows: faces smaller than a sixth of the frame height are not searched for, since a
 * customer at the kiosk is nearer than that.
 */
public final class HaarBaseline {

    private static final String CASCADES = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/";

    private static final int MIN_FACE_PIXELS = 30;

    private final CascadeClassifier faces = cascade("haarcascade_frontalface_default.xml");
    private final CascadeClassifier eyes = cascade("haarcascade_eye.xml");

    /** Result of one frame: how many faces, and how many eyes inside them. */
    public record Result(int faces, int eyes) {
    }

    public Result detect(Mat bgr) {
        try (PointerScope scope = new PointerScope()) {
            Mat grey = new Mat();
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            RectVector found = new RectVector();
            int minFace = Math.max(MIN_FACE_PIXELS, grey.rows() / 6);
            faces.detectMultiScale(grey, found, 1.1, 3, 0, new Size(minFace, minFace), new Size());
            int eyeCount = 0;
            for (long i = 0; i < found.size(); i++) {
                Rect face = found.get(i);
                Mat upperHalf = new Mat(grey, new Rect(face.x(), face.y(), face.width(), face.height() / 2));
                RectVector foundEyes = new RectVector();
                eyes.detectMultiScale(upperHalf, foundEyes);
                eyeCount += (int) foundEyes.size();
            }
            return new Result((int) found.size(), eyeCount);
        }
    }

    private static CascadeClassifier cascade(String name) {
        try {
            File file = Loader.cacheResource(CASCADES + name);
            CascadeClassifier classifier = new CascadeClassifier(file.getAbsolutePath());
            if (classifier.empty()) {
                throw new IllegalStateException("OpenCV could not load the cascade " + name);
            }
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException("The cascade " + name + " is missing from the OpenCV jar", e);
        }
    }
}
