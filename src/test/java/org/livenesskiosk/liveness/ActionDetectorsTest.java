package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.vision.FrameAnalysis;

/** The detectors follow one face: a face lost or replaced mid-action completes nothing. */
class ActionDetectorsTest {

    private static List<ActionType> seen(ActionDetectors detectors, ScriptedFrames script) {
        List<ActionType> seen = new ArrayList<>();
        for (FrameAnalysis frame : script.frames()) {
            detectors.accept(frame).forEach(event -> seen.add(event.type()));
        }
        return seen;
    }

    @Test
    void reportsEachActionOfTheFollowedFace() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).blinkThenOpenMouth();

        assertEquals(List.of(ActionType.BLINK, ActionType.MOUTH), seen(ActionDetectors.forAllActions(), script));
    }

    @Test
    void aBlinkFinishedByAnotherFaceIsNoBlink() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(150, s -> s.eyes(0.15)).then(500, s -> s.trackId(2).eyes(0.30));

        assertEquals(List.of(), seen(new ActionDetectors(List.of(ActionType.BLINK)), script));
    }

    @Test
    void aBlinkAcrossAFrameWithoutAFaceIsNoBlink() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(150, s -> s.eyes(0.15)).then(40, s -> s.faces(0))
                .then(500, s -> s.faces(1).eyes(0.30));

        assertEquals(List.of(), seen(new ActionDetectors(List.of(ActionType.BLINK)), script));
    }

    @Test
    void theSameBlinkWithoutTheSwapIsSeen() {
        ScriptedFrames script = new ScriptedFrames(30).hold(1_000).then(150, s -> s.eyes(0.15)).then(500, s -> s.eyes(0.30));

        assertEquals(List.of(ActionType.BLINK), seen(new ActionDetectors(List.of(ActionType.BLINK)), script));
    }
}
