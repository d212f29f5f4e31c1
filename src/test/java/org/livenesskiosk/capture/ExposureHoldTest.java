package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_AUTO_EXPOSURE;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_AUTO_WB;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_EXPOSURE;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_WB_TEMPERATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Holding a camera's exposure for the light step, on cameras as OpenCV's backends show them: a
 * V4L2 webcam (manual exposure is its menu value 1), a DirectShow one (0.25), and one whose driver
 * takes no such setting. No camera is attached here: the controls are a table, as VideoCapture's
 * get and set read and write the driver's.
 */
class ExposureHoldTest {

    /** A camera's controls; {@code accepted} says which values of auto exposure its driver takes. */
    private static final class Camera implements ExposureHold.Controls {
        final Map<Integer, Double> values = new HashMap<>(Map.of(CAP_PROP_AUTO_EXPOSURE, 3.0, CAP_PROP_AUTO_WB, 1.0,
                CAP_PROP_EXPOSURE, 156.0, CAP_PROP_WB_TEMPERATURE, 4_600.0));
        final Set<Double> accepted;

        Camera(Set<Double> accepted) {
            this.accepted = accepted;
        }

        @Override
        public double get(int property) {
            return values.getOrDefault(property, 0.0);
        }

        @Override
        public boolean set(int property, double value) {
            if (property == CAP_PROP_AUTO_EXPOSURE && !accepted.contains(value)) {
                return false;
            }
            values.put(property, value);
            return true;
        }
    }

    @Test
    void aV4l2CameraHoldsItsLevelsAndGetsItsOwnModesBack() {
        Camera camera = new Camera(Set.of(1.0, 3.0));
        ExposureHold hold = new ExposureHold(camera);

        hold.hold();
        camera.values.put(CAP_PROP_EXPOSURE, 99.0);
        hold.hold();
        assertEquals(Map.of(CAP_PROP_AUTO_EXPOSURE, 1.0, CAP_PROP_AUTO_WB, 0.0, CAP_PROP_EXPOSURE, 99.0, CAP_PROP_WB_TEMPERATURE, 4_600.0),
                camera.values, "held once, at the levels the camera had settled on");

        hold.release();
        assertEquals(3.0, camera.get(CAP_PROP_AUTO_EXPOSURE));
        assertEquals(1.0, camera.get(CAP_PROP_AUTO_WB));
    }

    @Test
    void aDirectShowCameraTakesTheOtherManualValue() {
        Camera camera = new Camera(Set.of(0.25, 0.75, 3.0));
        ExposureHold hold = new ExposureHold(camera);

        hold.hold();
        assertEquals(0.25, camera.get(CAP_PROP_AUTO_EXPOSURE));
        hold.release();
        assertEquals(3.0, camera.get(CAP_PROP_AUTO_EXPOSURE));
    }

    @Test
    void aCameraThatTakesNoManualExposureIsLeftToItself() {
        Camera camera = new Camera(Set.of(3.0));
        ExposureHold hold = new ExposureHold(camera);

        hold.hold();
        assertEquals(3.0, camera.get(CAP_PROP_AUTO_EXPOSURE));
        assertEquals(0.0, camera.get(CAP_PROP_AUTO_WB), "its white balance is still held");
    }

    @Test
    void releasingWhatWasNeverHeldChangesNothing() {
        Camera camera = new Camera(Set.of(1.0, 3.0));
        Map<Integer, Double> before = Map.copyOf(camera.values);

        new ExposureHold(camera).release();

        assertEquals(before, camera.values);
    }
}
