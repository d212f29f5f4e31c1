package org.livenesskiosk.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_AUTO_EXPOSURE;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_AUTO_WB;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_EXPOSURE;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_WB_TEMPERATURE;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a camera's exposure and white balance where they are while the screen flashes colours at
 * the face (the light step), and gives them back after. A camera left to itself answers a bright
 * colour by darkening, and a coloured one by re-balancing, which weakens the very answer the light
 * check measures; held, it keeps the levels it had settled on for this customer.
 *
 * <p>How "manual" is written differs by OpenCV backend: V4L2 takes its own menu value (1 is
 * manual), DirectShow and Media Foundation take 0.25; the first the camera keeps is used. A camera
 * that takes neither is left as it is: the check copes with a camera that keeps adjusting, only
 * less well.
 */
final class ExposureHold {

    /** A camera's settings by OpenCV property id: what {@code VideoCapture.get}/{@code set} are. */
    interface Controls {
        double get(int property);

        boolean set(int property, double value);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExposureHold.class);
    private static final double[] MANUAL_EXPOSURE = {1, 0.25};

    private final Controls camera;
    /** The camera's own modes, to give back; present while held. */
    private Optional<double[]> saved = Optional.empty();

    ExposureHold(Controls camera) {
        this.camera = camera;
    }

    /** Holds exposure and white balance at their present values; holding twice holds once. */
    void hold() {
        if (saved.isPresent()) {
            return;
        }
        double autoExposure = camera.get(CAP_PROP_AUTO_EXPOSURE);
        double autoWhiteBalance = camera.get(CAP_PROP_AUTO_WB);
        double exposure = camera.get(CAP_PROP_EXPOSURE);
        double temperature = camera.get(CAP_PROP_WB_TEMPERATURE);
        saved = Optional.of(new double[] {autoExposure, autoWhiteBalance});
        boolean exposureHeld = false;
        for (double manual : MANUAL_EXPOSURE) {
            if (camera.set(CAP_PROP_AUTO_EXPOSURE, manual) && camera.get(CAP_PROP_AUTO_EXPOSURE) == manual) {
                exposureHeld = camera.set(CAP_PROP_EXPOSURE, exposure);
                break;
            }
        }
        boolean balanceHeld = camera.set(CAP_PROP_AUTO_WB, 0) && camera.set(CAP_PROP_WB_TEMPERATURE, temperature);
        LOG.info("Light step: the camera's exposure {}, its white balance {}", exposureHeld ? "held" : "left to the camera",
                balanceHeld ? "held" : "left to the camera");
    }

    /** Gives the camera its own exposure and white balance back, if they were held. */
    void release() {
        saved.ifPresent(modes -> {
            camera.set(CAP_PROP_AUTO_EXPOSURE, modes[0]);
            camera.set(CAP_PROP_AUTO_WB, modes[1]);
        });
        saved = Optional.empty();
    }
}
