package org.livenesskiosk.capture;

import java.util.List;
import java.util.Locale;

/** Recognises cameras that are software, not a lens: the usual way to feed a recorded video to a liveness check. */
final class VirtualCameras {

    private static final List<String> MARKERS = List.of("virtual", "v4l2loopback", "obs", "dummy", "loopback");

    private VirtualCameras() {
    }

    static boolean isVirtual(String cameraName) {
        String name = cameraName.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(marker -> name.matches(".*\\b" + marker + "\\b.*"));
    }
}
