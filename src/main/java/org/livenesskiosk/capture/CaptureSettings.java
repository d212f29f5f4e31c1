package org.livenesskiosk.capture;

/**
 * How to open a source.
 *
 * @param folderFramesPerSecond  the frame rate of a folder of still frames (clips and cameras have their own)
 * @param width                  the camera resolution to ask for; the camera may give another
 * @param height                 the camera resolution to ask for
 * @param cameraFramesPerSecond  the camera frame rate to ask for
 * @param refuseVirtualCameras   refuse cameras whose name says they are virtual (OBS, v4l2loopback):
 *                               a cheap defence against injected video
 */
public record CaptureSettings(double folderFramesPerSecond, int width, int height, double cameraFramesPerSecond,
                              boolean refuseVirtualCameras) {

    public static CaptureSettings defaults() {
        return new CaptureSettings(25, 640, 480, 30, false);
    }

    public CaptureSettings withFolderFramesPerSecond(double framesPerSecond) {
        return new CaptureSettings(framesPerSecond, width, height, cameraFramesPerSecond, refuseVirtualCameras);
    }

    public CaptureSettings withRefuseVirtualCameras(boolean refuse) {
        return new CaptureSettings(folderFramesPerSecond, width, height, cameraFramesPerSecond, refuse);
    }
}
