package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionDetectorTest {

    private static ActionDetector detector(ActionSignal signal) {
        return new ActionDetector(signal);
    }

    @Test
    void aBlinkIsOneEventFromCloseToReopen() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).eyes(150, 0.15).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertEquals(1, events.size());
        ActionEvent blink = events.get(0);
        assertEquals(ActionType.BLINK, blink.type());
        assertEquals(1000, blink.startMs(), 34);
        assertEquals(1150, blink.endMs(), 34);
        assertEquals(0.5, blink.peakDeviation(), 0.01);
    }

    /** Half open again (0.5 down → 0.3 down), the eyes have come back by more than a third of the blink: it ended. */
    @Test
    void aBlinkAfterWhichTheEyesStayNarrowerStillEnds() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).eyes(150, 0.15).eyes(1000, 0.21).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertEquals(1, events.size(), events.toString());
        assertEquals(1000, events.get(0).startMs(), 34);
        assertEquals(1150, events.get(0).endMs(), 34);
    }

    /** Back by less than a third (0.5 down → 0.37 down) and held: eyes kept nearly closed, no blink. */
    @Test
    void eyesThatHardlyReopenAfterClosingAreNoBlink() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).eyes(150, 0.15).eyes(1000, 0.19).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void eyesNarrowedOnlySlightlyAreNoBlink() {
        // 17% narrower: a squint or a glance down, below the 22% a blink needs.
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).eyes(150, 0.25).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void eyesKeptClosedAreNoBlinkAndLaterBlinksStillCount() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).eyes(2000, 0.15).neutral(3000)
                .eyes(100, 0.15).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertEquals(1, events.size(), events.toString());
        assertEquals(6000, events.get(0).startMs(), 34);
    }

    @Test
    void noiseAroundTheThresholdMakesOneBlinkNotMany() {
        ScriptedFace face = new ScriptedFace(30).neutral(1000);
        // Flickers just around the start threshold while closing: 0.23 and 0.235 are 23% and 22% down.
        for (int i = 0; i < 3; i++) {
            face.eyes(34, 0.23).eyes(34, 0.235);
        }
        List<ActionEvent> events = face.eyes(100, 0.15).neutral(1000).run(detector(ActionSignal.BLINK));

        assertEquals(1, events.size(), events.toString());
    }

    @Test
    void noActionBeforeTheNeutralIsKnown() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(100).eyes(150, 0.15).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertTrue(events.isEmpty(), events.toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 15, 25, 30, 60})
    void theSameBlinkIsSeenAtAnyFrameRate(double framesPerSecond) {
        List<ActionEvent> events = new ScriptedFace(framesPerSecond).neutral(1000).eyes(200, 0.15).neutral(1000)
                .run(detector(ActionSignal.BLINK));

        assertEquals(1, events.size());
        assertEquals(1000, events.get(0).startMs(), 1000 / framesPerSecond + 1);
        assertEquals(1200, events.get(0).endMs(), 1000 / framesPerSecond + 1);
    }

    @Test
    void aWideOpenMouthThatClosesIsAMouthAction() {
        List<ActionEvent> events = new ScriptedFace(25).neutral(1000).mouth(800, 0.6).neutral(1000)
                .run(detector(ActionSignal.MOUTH));

        assertEquals(1, events.size());
        assertEquals(800, events.get(0).durationMs(), 41);
    }

    @Test
    void talkingIsNoMouthAction() {
        ScriptedFace face = new ScriptedFace(25).neutral(1000);
        for (int i = 0; i < 10; i++) {
            face.mouth(120, 0.2).mouth(120, 0.05);
        }
        assertTrue(face.run(detector(ActionSignal.MOUTH)).isEmpty());
    }

    @Test
    void aHeadTurnEitherWayIsSignedByDirection() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).yaw(600, 30).neutral(1000).yaw(600, -28)
                .neutral(1000).run(detector(ActionSignal.POS_YAW));

        assertEquals(2, events.size(), events.toString());
        assertEquals(30, events.get(0).peakDeviation(), 0.01);
        assertEquals(-28, events.get(1).peakDeviation(), 0.01);
    }

    @Test
    void aSmallTurnIsNoHeadTurn() {
        assertTrue(new ScriptedFace(30).neutral(1000).yaw(600, 9).neutral(1000)
                .run(detector(ActionSignal.POS_YAW)).isEmpty());
    }

    /** Someone who faces a camera set to one side turns from there, either way, as people turn while talking. */
    @Test
    void aTurnCountsFromThePersonsOwnNeutral() {
        List<ActionEvent> events = new ScriptedFace(30).yaw(2000, 11).yaw(700, -4).yaw(1500, 11).yaw(700, 25).yaw(1500, 11)
                .run(detector(ActionSignal.POS_YAW));

        assertEquals(2, events.size(), events.toString());
        assertEquals(-15, events.get(0).peakDeviation(), 0.01);
        assertEquals(14, events.get(1).peakDeviation(), 0.01);
    }

    @Test
    void aNodLowersAndRaisesTheHead() {
        List<ActionEvent> events = new ScriptedFace(30).neutral(1000).pitch(500, -18).neutral(1000)
                .run(detector(ActionSignal.NOD));

        assertEquals(1, events.size());
        assertEquals(18, events.get(0).peakDeviation(), 0.01);
    }

    @Test
    void raisingTheHeadIsNoNod() {
        assertTrue(new ScriptedFace(30).neutral(1000).pitch(500, 18).neutral(1000)
                .run(detector(ActionSignal.NOD)).isEmpty());
    }

    @Test
    void keepingTheHeadLoweredIsNoNod() {
        assertTrue(new ScriptedFace(30).neutral(1000).pitch(4000, -18).neutral(1000)
                .run(detector(ActionSignal.NOD)).isEmpty());
    }

    @Test
    void aResetForgetsThePersonsNeutral() {
        ScriptedFace blinkAtOnce = new ScriptedFace(30, 1000).eyes(100, 0.15).neutral(1000);
        ActionDetector kept = detector(ActionSignal.BLINK);
        ActionDetector reset = detector(ActionSignal.BLINK);
        new ScriptedFace(30).neutral(1000).run(kept);
        new ScriptedFace(30).neutral(1000).run(reset);
        reset.reset();

        // Knowing the neutral, a blink at once is seen; after a reset, the neutral must be learnt first.
        assertEquals(1, blinkAtOnce.run(kept).size());
        assertTrue(blinkAtOnce.run(reset).isEmpty());
    }
}
