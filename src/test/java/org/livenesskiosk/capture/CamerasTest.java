package org.livenesskiosk.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening cameras that are not there fails at once with a reason; virtual cameras can be refused. */
class CamerasTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @Test
    void aMissingOpenCvCameraFailsAtOnce() {
        assumeFalse(Files.exists(Path.of("/dev/video7")), "this machine has a seventh camera");
        CaptureException failure = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(CaptureException.class, () -> FrameSources.open("camera:7", CaptureSettings.defaults())));
        assertTrue(failure.getMessage().contains("Camera 7 cannot be opened"), failure.getMessage());
    }

    @Test
    void aMissingWebcamFailsAtOnceNamingWhatTheDriverSees() {
        CaptureException failure = assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(CaptureException.class,
                () -> FrameSources.open("webcam:No Such Camera", CaptureSettings.defaults())));
        assertTrue(failure.getMessage().contains("No webcam is named \"No Such Camera\"")
                || failure.getMessage().contains("webcam driver failed"), failure.getMessage());
    }

    @Test
    void aMalformedCameraNameIsRefused() {
        assertThrows(CaptureException.class, () -> FrameSources.open("camera:front", CaptureSettings.defaults()));
    }

    @Test
    void listingCamerasNeverFails() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), FrameSources::describeCameras);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OBS Virtual Camera", "Dummy video device (0x0000)", "v4l2loopback", "Virtual Webcam"})
    void recognisesVirtualCameras(String name) {
        assertTrue(VirtualCameras.isVirtual(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HD Pro Webcam C920", "Integrated Camera: Integrated C", "Logitech BRIO", "Jobs Desk Cam"})
    void acceptsRealCameras(String name) {
        assertFalse(VirtualCameras.isVirtual(name));
    }

    @Test
    void refusesAVirtualWebcamBeforeOpeningIt() {
        CaptureSettings refusing = CaptureSettings.defaults().withRefuseVirtualCameras(true);
        CaptureException refused = assertThrows(CaptureException.class,
                () -> FrameSources.open("webcam:OBS Virtual Camera", refusing));
        assertTrue(refused.getMessage().contains("virtual camera"), refused.getMessage());
    }
}
