package org.livenesskiosk.server;

import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.protocol.UploadRequest;

/**
 * The audit image the SDK's provider keeps beside the best image, for a person reviewing a result:
 * one frame of the recording the service checked, taken halfway through the actions the kiosk
 * claims (halfway through the recording when it claims none). The whole frame, as recorded: the
 * background, hands and screen edges a reviewer looks for lie outside the face's square. Only a
 * frame that decodes as a picture is kept.
 */
final class AuditFrame {

    private AuditFrame() {
    }

    /** @param evidence an upload already found well formed ({@link UploadChecks}): a recording of one frame or more */
    static Optional<byte[]> of(UploadRequest evidence) {
        List<Long> times = evidence.recording().timesMs();
        List<UploadRequest.Action> claimed = evidence.actions();
        long middle = claimed.isEmpty() ? (times.get(0) + times.get(times.size() - 1)) / 2
                : (claimed.get(0).atMs() + claimed.get(claimed.size() - 1).atMs()) / 2;
        int nearest = 0;
        for (int frame = 1; frame < times.size(); frame++) {
            if (Math.abs(times.get(frame) - middle) < Math.abs(times.get(nearest) - middle)) {
                nearest = frame;
            }
        }
        return SessionCheck.decoded(evidence.recording().frames().get(nearest)).filter(AuditFrame::isPicture);
    }

    private static boolean isPicture(byte[] jpeg) {
        try (Mat image = JpegFrames.decode(jpeg)) {
            return !image.empty();
        }
    }
}
