package org.livenesskiosk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.DeviceLostException;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.JpegFrames;
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
        assertTrue(outcome.images().isEmpty(), "a failed session keeps no face image");
        assertEquals(40, updates.size(), "the listener sees every camera frame");
        assertEquals(analysed(updates), outcome.frames(), "each frame analysed brings its own update");
        assertTrue(outcome.frames() < 40, "the session analyses at its own rate, not the camera's: " + outcome.frames());
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
        assertEquals(analysed(updates), outcome.frames(), "no frame analysed after the cancel");
        assertTrue(outcome.images().isEmpty(), "a cancelled session keeps no face image");
    }

    /**
     * A customer who never stands where the kiosk wants them stays in the preparation, which is
     * analysed at ten frames a second: the recording holds those frames, the service analyses each
     * of them, and the same session sent at the camera's full rate costs the service no more.
     */
    @Test
    void theServiceAnalysesAtTheSessionsRateWhateverTheRecordingsRate() throws Exception {
        LivenessConfig tooFar = CLOSE_UP.withDistance(300, 400);
        Path cameraRate = temp.resolve("camera.avi");
        SessionOutcome kiosk;
        int cameraFrames;
        try (FrameSource source = clip(); ClipRecorder recorder = new ClipRecorder(Optional.of(cameraRate), source.framesPerSecond())) {
            List<SessionUpdate> seen = new ArrayList<>();
            kiosk = SessionRunner.recording(new FrameAnalyzer(Models.fromClasspath()), tooFar).run(source,
                    new LivenessSession(tooFar, MOUTH_THEN_BLINK), recorder, new SessionRunner.Listener() {
                        @Override
                        public void frame(Mat image, long timestampMs, SessionUpdate update) {
                            seen.add(update);
                        }
                    });
            cameraFrames = seen.size();
        }
        SessionRunner service = SessionRunner.replaying(new FrameAnalyzer(Models.fromClasspath()), tooFar);
        SessionOutcome recorded;
        try (JpegFrames frames = new JpegFrames(kiosk.recording().frames())) {
            recorded = service.run(frames, new LivenessSession(tooFar, MOUTH_THEN_BLINK), new ClipRecorder(Optional.empty(), 30),
                    SessionRunner.Listener.NONE);
        }
        SessionOutcome everyFrame;
        try (FrameSource frames = FrameSources.open(cameraRate.toString(), CaptureSettings.defaults())) {
            everyFrame = service.run(frames, new LivenessSession(tooFar, MOUTH_THEN_BLINK), new ClipRecorder(Optional.empty(), 30),
                    SessionRunner.Listener.NONE);
        }

        assertFalse(kiosk.result().success(), "the customer was never ready");
        assertTrue(kiosk.frames() <= cameraFrames / 2, kiosk.frames() + " of " + cameraFrames + " camera frames analysed");
        assertEquals(kiosk.frames(), kiosk.recording().frames().size(), "the kiosk records exactly what it analyses");
        assertEquals(kiosk.frames(), recorded.frames(), "the service analyses every frame of a genuine recording");
        assertEquals(kiosk.frames(), everyFrame.frames(), "a recording at the camera's full rate is analysed at the session's");
    }

    /** The frames analysed among those the listener saw: one the session skipped comes with the last update again. */
    private static int analysed(List<SessionUpdate> updates) {
        Set<SessionUpdate> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(updates);
        return distinct.size();
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
