package org.livenesskiosk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionRecord;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

class SessionRunnerTest {

    private static final List<ActionType> MOUTH_THEN_BLINK = List.of(ActionType.MOUTH, ActionType.BLINK);
    private static final LivenessConfig CLOSE_UP = LivenessConfig.defaults().withActions(MOUTH_THEN_BLINK, false).withFarNear(false, LivenessConfig.DEFAULT_FAR_NEAR_TIME_LIMIT_MS)
            .withDistance(15, 120);

    @TempDir
    Path temp;

    private static SessionOutcome run(FrameSource source, ClipRecorder recorder, List<SessionUpdate> updates) throws Exception {
        return run(source, recorder, new SessionRunner.Listener() {
            @Override
            public void frame(Mat image, long timestampMs, SessionUpdate update) {
                updates.add(update);
            }
        });
    }

    private static SessionOutcome run(FrameSource source, ClipRecorder recorder, SessionRunner.Listener listener) throws Exception {
        SessionRunner runner = SessionRunner.recording(new FrameAnalyzer(Models.fromClasspath()), CLOSE_UP);
        return runner.run(source, new LivenessSession(CLOSE_UP, MOUTH_THEN_BLINK), recorder, listener);
    }

    private static FrameSource clip() throws Exception {
        return FrameSources.open(SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString(),
                CaptureSettings.defaults());
    }

    @Test
    void aRecordedSessionReplaysExactlyAsItHappened() throws Exception {
        Path recording = temp.resolve("session.avi");
        SessionOutcome live;
        try (FrameSource source = clip(); ClipRecorder recorder = new ClipRecorder(Optional.of(recording), source.framesPerSecond())) {
            live = run(source, recorder, new ArrayList<>());
        }
        SessionOutcome replayed;
        try (FrameSource source = FrameSources.open(recording.toString(), CaptureSettings.defaults())) {
            replayed = run(source, new ClipRecorder(Optional.empty(), 30), new ArrayList<>());
        }

        assertTrue(live.result().success(), live.result().toString());
        assertEquals(live.frames(), replayed.frames());
        assertEquals(live.result().code(), replayed.result().code());
        assertEquals(live.result().actions().stream().map(ActionRecord::atMs).toList(),
                replayed.result().actions().stream().map(ActionRecord::atMs).toList());
    }

    @Test
    void aCameraLostMidSessionIsDeviceNotSupport() throws Exception {
        List<SessionUpdate> updates = new ArrayList<>();
        SessionOutcome outcome;
        try (FrameSource source = new UnpluggedAfter(clip(), 40)) {
            outcome = run(source, new ClipRecorder(Optional.empty(), 30), updates);
        }

        assertEquals(Optional.of(LivenessError.DEVICE_NOT_SUPPORT), outcome.result().error());
        assertEquals(40, outcome.frames());
        assertTrue(outcome.images().isEmpty(), "a failed session keeps no face image");
        assertEquals(40, updates.size(), "the listener sees every analysed frame");
    }

    @Test
    void cancellingEndsTheSessionWithUserGiveUpBeforeTheNextFrame() throws Exception {
        List<SessionUpdate> updates = new ArrayList<>();
        SessionOutcome outcome;
        try (FrameSource source = clip()) {
            outcome = run(source, new ClipRecorder(Optional.empty(), 30), new SessionRunner.Listener() {
                @Override
                public void frame(Mat image, long timestampMs, SessionUpdate update) {
                    updates.add(update);
                }

                @Override
                public boolean cancelRequested() {
                    return updates.size() == 20;
                }
            });
        }

        assertEquals(Optional.of(LivenessError.USER_GIVE_UP), outcome.result().error());
        assertEquals(20, outcome.frames());
        assertTrue(outcome.images().isEmpty(), "a cancelled session keeps no face image");
    }

    /** A camera that is unplugged after delivering some frames. */
    private record UnpluggedAfter(FrameSource camera, int frames) implements FrameSource {
        @Override
        public Optional<Frame> next() {
            Optional<Frame> frame = camera.next();
            if (frame.isPresent() && frame.get().index() >= frames) {
                frame.get().close();
                throw new DeviceLostException("Camera 0 stopped delivering frames");
            }
            return frame;
        }

        @Override
        public int corruptFrames() {
            return camera.corruptFrames();
        }

        @Override
        public double framesPerSecond() {
            return camera.framesPerSecond();
        }

        @Override
        public void close() {
            camera.close();
        }
    }
}
