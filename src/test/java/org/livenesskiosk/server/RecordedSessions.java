package org.livenesskiosk.server;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.capture.ClipRecorder;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * Genuine sessions as a kiosk records them: a stretch of a shared clip run through the kiosk's
 * pipeline under a challenge the service issued, ready to upload.
 */
final class RecordedSessions {

    /** Where the shared clips' people sit: close to the camera. */
    static final double[] CLOSE_UP = {15, 120};

    private static final FrameAnalyzer ANALYZER = new FrameAnalyzer(Models.fromClasspath());

    private RecordedSessions() {
    }

    /** The clip from {@code firstFrame} on, its times counted from there, as a kiosk's camera would give it. */
    static FrameSource stretch(String clip, int firstFrame) throws CaptureException {
        FrameSource whole = FrameSources.open(SharedData.video(clip), 30);
        return new FrameSource() {
            private long startMs = -1;

            @Override
            public Optional<Frame> next() {
                Optional<Frame> next = whole.next();
                while (next.isPresent() && next.get().index() < firstFrame) {
                    next.get().close();
                    next = whole.next();
                }
                return next.map(frame -> {
                    if (startMs < 0) {
                        startMs = frame.timestampMs();
                    }
                    return new Frame(frame.image(), frame.index() - firstFrame, frame.timestampMs() - startMs);
                });
            }

            @Override
            public int corruptFrames() {
                return whole.corruptFrames();
            }

            @Override
            public double framesPerSecond() {
                return whole.framesPerSecond();
            }

            @Override
            public void close() {
                whole.close();
            }
        };
    }

    /** The clip of a man opening his mouth wide, and the challenge it answers. */
    static final String MOUTH_CLIP = "liveportrait_d18_man_yawn_mouth_open.avi";
    static final KioskApi.ChallengeAnswer MOUTH = new KioskApi.ChallengeAnswer("-", List.of("MOUTH"), 10_000, 10_000, "NORMAL", 0,
            600, false, 50_000);
    private static SessionOutcome mouthSession;

    /**
     * The server, its demo account asking for an open mouth without the far/near stage: the
     * challenge the mouth clip answers, as recorded without the stage.
     */
    static LivenessServer askingForTheMouth(LivenessServer server) {
        server.accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
        return server;
    }

    /** A passed session on {@link #MOUTH_CLIP} under a mouth challenge, recorded once and kept. */
    static synchronized SessionOutcome mouthSession() throws CaptureException {
        if (mouthSession == null) {
            mouthSession = run(MOUTH_CLIP, 0, MOUTH);
        }
        return mouthSession;
    }

    /** The session a kiosk runs on the clip from {@code firstFrame} under the challenge. */
    static SessionOutcome run(String clip, int firstFrame, KioskApi.ChallengeAnswer challenge) throws CaptureException {
        return run(stretch(clip, firstFrame), challenge);
    }

    /** The session a kiosk runs on these frames under the challenge: an emulated kiosk's, when an attacker made them. */
    static SessionOutcome run(FrameSource source, KioskApi.ChallengeAnswer challenge) throws CaptureException {
        return run(source, challenge, SessionRunner.Listener.NONE);
    }

    /** The same, the kiosk's screen (its light step) played by {@code kiosk}. */
    static synchronized SessionOutcome run(FrameSource source, KioskApi.ChallengeAnswer challenge, SessionRunner.Listener kiosk)
            throws CaptureException {
        var config = challenge.toConfig().withDistance(CLOSE_UP[0], CLOSE_UP[1]);
        try (FrameSource frames = source; ClipRecorder none = new ClipRecorder(Optional.empty(), 30)) {
            return SessionRunner.recording(ANALYZER, config).run(frames, new LivenessSession(config, challenge.actions()), none, kiosk);
        }
    }

    /** The upload a kiosk makes of a passed session. */
    static UploadRequest upload(SessionOutcome outcome, KioskApi.ChallengeAnswer challenge, String signatureId, String userId) {
        return upload(outcome, challenge.challengeId(), KioskService.claims(outcome.result()), signatureId, userId);
    }

    /** The upload a kiosk makes of a passed session with the light step: what its screen showed goes with it. */
    static UploadRequest uploadWithLight(SessionOutcome outcome, KioskApi.ChallengeAnswer challenge) {
        UploadRequest upload = upload(outcome, challenge, null, null);
        return new UploadRequest(upload.sessionId(), upload.challengeId(), null, null, upload.sdkVersion(), upload.platform(),
                upload.actions(), upload.recording(), upload.bestImage(), null,
                outcome.result().light().map(SessionResult.LightStep::shown).orElse(null));
    }

    /** An upload of the session's recording that claims {@code actions}. */
    static UploadRequest upload(SessionOutcome outcome, String challengeId, List<UploadRequest.Action> actions, String signatureId,
                                String userId) {
        return new UploadRequest(UUID.randomUUID().toString(), challengeId, signatureId, userId, "0.1.0", "kiosk-linux", actions,
                KioskService.recording(outcome.recording(), DecisiveSpans.of(actions, null, null)), Base64.getEncoder().encodeToString(outcome.images().get(EvidenceSlot.BEST)));
    }
}
