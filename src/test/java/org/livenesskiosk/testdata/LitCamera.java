package org.livenesskiosk.testdata;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.bench.ScreenReflection;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * A recorded clip as the kiosk's camera would have given it while the screen showed the light
 * step's colours: until the screen shows anything, the clip's frames as they are; from then on each
 * frame lit by {@link ScreenReflection} (its face found in the unlit frame, as the light falls on
 * the real face), the camera's exposure held from the first lit frame on, as the kiosk holds it; and
 * whether the kiosk did ask the camera to hold it for every lit frame, and gave it back after.
 */
public final class LitCamera implements FrameSource {

    private final FrameSource clip;
    private final Function<List<LightSequence.Shown>, Function<Double, ScreenReflection>> screen;
    private final FrameAnalyzer analyzer = new FrameAnalyzer(Models.fromClasspath());
    /** How the scene answers, once the screen shows colours: made with the exposure of the first lit frame. */
    private Function<Double, ScreenReflection> lighting;
    private ScreenReflection light;
    /** The face as last found: the screen lights the real face whether or not the detector finds it in a frame. */
    private Optional<FaceObservation> face = Optional.empty();
    private boolean held;
    private int litFrames;
    private int litUnheld;

    /**
     * @param screen what the scene answers to a timeline, given the camera's held exposure (see
     *               {@link ScreenReflection#exposureFor}): a live face, a flat picture, nothing
     */
    public LitCamera(FrameSource clip, Function<List<LightSequence.Shown>, Function<Double, ScreenReflection>> screen) {
        this.clip = clip;
        this.screen = screen;
    }

    /** The screen shows these colours, in the clip's milliseconds; called on the session's own thread, between frames. */
    public void screenShows(List<LightSequence.Shown> timeline) {
        lighting = screen.apply(timeline);
    }

    @Override
    public Optional<Frame> next() {
        Optional<Frame> next = clip.next();
        if (next.isEmpty() || lighting == null) {
            return next;
        }
        Frame frame = next.get();
        litFrames++;
        litUnheld += held ? 0 : 1;
        FrameAnalysis unlit = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
        face = unlit.mainFace().or(() -> face);
        if (light == null) {
            if (face.isEmpty()) {
                return next;
            }
            light = lighting.apply(ScreenReflection.exposureFor(frame.image(), face.get().metrics().box()));
        }
        Mat lit = light.render(frame.image(), face.map(FaceObservation::landmarks), frame.timestampMs());
        frame.close();
        return Optional.of(new Frame(lit, frame.index(), frame.timestampMs()));
    }

    @Override
    public void holdExposure(boolean hold) {
        held = hold;
    }

    /** Whether the screen lit frames, every one of them while the kiosk held the camera's exposure, and the kiosk gave it back since. */
    public boolean exposureHeldForTheColoursOnly() {
        return litFrames > 0 && litUnheld == 0 && !held;
    }

    @Override
    public int corruptFrames() {
        return clip.corruptFrames();
    }

    @Override
    public double framesPerSecond() {
        return clip.framesPerSecond();
    }

    @Override
    public void close() {
        clip.close();
    }
}
