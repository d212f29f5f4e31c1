package org.livenesskiosk.capture;

import java.util.List;

/**
 * A camera one of the drivers sees.
 *
 * @param source      how to name it as a source: {@code camera:N} or {@code webcam:NAME}
 * @param resolutions what it offers, as WxH
 */
public record CameraInfo(String source, String name, List<String> resolutions) {

    public CameraInfo {
        resolutions = List.copyOf(resolutions);
    }

    public boolean isVirtual() {
        return VirtualCameras.isVirtual(name);
    }
}
