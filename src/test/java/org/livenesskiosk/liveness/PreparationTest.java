package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** Each preparation rule: a face exactly at its limit is ready, one just past it is told what to fix. */
class PreparationTest {

    private static final LivenessConfig NORMAL = LivenessConfig.defaults();
    /** HARD narrows every limit by its strictness (1.25): centring and frontality ask for 0.8 of NORMAL's. */
    private static final LivenessConfig HARD = NORMAL.withLevel(DetectionLevel.HARD);

    private static Optional<Prompt> shortfall(LivenessConfig config, Consumer<TestFaces> change) {
        TestFaces face = TestFaces.ready();
        change.accept(face);
        return new Preparation(config).shortfall(face.frame());
    }

    private static Optional<Prompt> shortfall(Consumer<TestFaces> change) {
        return shortfall(NORMAL, change);
    }

    @Test
    void aGoodFaceIsReady() {
        assertEquals(Optional.empty(), shortfall(face -> { }));
    }

    @Test
    void noFaceOrASecondFaceIsNamed() {
        assertEquals(Optional.of(Prompt.LOOK_AT_CAMERA), new Preparation(NORMAL).shortfall(TestFaces.noFace()));
        assertEquals(Optional.of(Prompt.ONLY_ONE_PERSON), new Preparation(NORMAL).shortfall(TestFaces.ready().frame(1)));
    }

    @Test
    void lightIsJudgedAtItsLimits() {
        assertEquals(Optional.empty(), shortfall(face -> face.brightness = Preparation.MIN_BRIGHTNESS));
        assertEquals(Optional.of(Prompt.MORE_LIGHT), shortfall(face -> face.brightness = Math.nextDown(Preparation.MIN_BRIGHTNESS)));
        assertEquals(Optional.empty(), shortfall(face -> face.underExposed = Preparation.MAX_UNDER_EXPOSED_SHARE));
        assertEquals(Optional.of(Prompt.MORE_LIGHT),
                shortfall(face -> face.underExposed = Math.nextUp(Preparation.MAX_UNDER_EXPOSED_SHARE)));
        assertEquals(Optional.empty(), shortfall(face -> face.brightness = Preparation.MAX_BRIGHTNESS));
        assertEquals(Optional.of(Prompt.LESS_LIGHT), shortfall(face -> face.brightness = Math.nextUp(Preparation.MAX_BRIGHTNESS)));
        assertEquals(Optional.empty(), shortfall(face -> face.overExposed = Preparation.MAX_OVER_EXPOSED_SHARE));
        assertEquals(Optional.of(Prompt.LESS_LIGHT),
                shortfall(face -> face.overExposed = Math.nextUp(Preparation.MAX_OVER_EXPOSED_SHARE)));
    }

    @Test
    void distanceIsJudgedAtTheConfiguredRange() {
        double farthest = NORMAL.relativeFaceSizeAt(NORMAL.maxDistanceCm());
        double nearest = NORMAL.relativeFaceSizeAt(NORMAL.minDistanceCm());

        assertEquals(Optional.empty(), shortfall(face -> face.relativeSize = farthest));
        assertEquals(Optional.of(Prompt.MOVE_CLOSER), shortfall(face -> face.relativeSize = Math.nextDown(farthest)));
        assertEquals(Optional.empty(), shortfall(face -> face.relativeSize = nearest));
        assertEquals(Optional.of(Prompt.MOVE_BACK), shortfall(face -> face.relativeSize = Math.nextUp(nearest)));
    }

    @Test
    void centringIsJudgedAtItsLimitsEitherWay() {
        assertEquals(Optional.empty(), shortfall(face -> face.offsetX = -FaceZone.MAX_CENTER_OFFSET_X));
        assertEquals(Optional.of(Prompt.CENTER_FACE), shortfall(face -> face.offsetX = Math.nextUp(FaceZone.MAX_CENTER_OFFSET_X)));
        assertEquals(Optional.empty(), shortfall(face -> face.offsetY = FaceZone.MAX_CENTER_OFFSET_Y));
        assertEquals(Optional.of(Prompt.CENTER_FACE),
                shortfall(face -> face.offsetY = -Math.nextUp(FaceZone.MAX_CENTER_OFFSET_Y)));
    }

    @Test
    void aHardLevelAsksForABetterCentredFace() {
        // 0.17 and 0.21 are within NORMAL's 0.2 and 0.25 but past HARD's 0.16 and 0.2.
        assertEquals(Optional.empty(), shortfall(NORMAL, face -> face.offsetX = 0.17));
        assertEquals(Optional.of(Prompt.CENTER_FACE), shortfall(HARD, face -> face.offsetX = 0.17));
        assertEquals(Optional.of(Prompt.CENTER_FACE), shortfall(HARD, face -> face.offsetY = 0.21));
    }

    @Test
    void aCoveredFaceIsNamedOnlyWhenTheOcclusionCheckIsOn() {
        LivenessConfig noOcclusionCheck = new LivenessConfig(NORMAL.actions(), NORMAL.shuffle(), NORMAL.actionTimeLimitMs(),
                NORMAL.prepareTimeLimitMs(), NORMAL.level(), false, NORMAL.resultImageSize(), NORMAL.minDistanceCm(),
                NORMAL.maxDistanceCm(), NORMAL.cameraFieldOfViewDegrees(), NORMAL.farNear(), NORMAL.farNearTimeLimitMs(), NORMAL.light());

        assertEquals(Optional.empty(), shortfall(face -> face.presence = Preparation.MIN_PRESENCE));
        assertEquals(Optional.of(Prompt.UNCOVER_FACE), shortfall(face -> face.presence = Math.nextDown(Preparation.MIN_PRESENCE)));
        assertEquals(Optional.empty(), shortfall(noOcclusionCheck, face -> face.presence = 0.5));
    }

    @Test
    void frontalityIsJudgedAtItsLimitsEitherWay() {
        assertEquals(Optional.empty(), shortfall(face -> face.yaw = Preparation.MAX_FRONTAL_DEGREES));
        assertEquals(Optional.of(Prompt.LOOK_STRAIGHT), shortfall(face -> face.yaw = -Math.nextUp(Preparation.MAX_FRONTAL_DEGREES)));
        assertEquals(Optional.empty(), shortfall(face -> face.pitch = -Preparation.MAX_FRONTAL_DEGREES));
        assertEquals(Optional.of(Prompt.LOOK_STRAIGHT), shortfall(face -> face.pitch = Math.nextUp(Preparation.MAX_FRONTAL_DEGREES)));
    }

    @Test
    void aHardLevelAsksForAMoreFrontalFace() {
        // 13° is within NORMAL's 15° but past HARD's 12°.
        assertEquals(Optional.empty(), shortfall(NORMAL, face -> face.yaw = 13));
        assertEquals(Optional.of(Prompt.LOOK_STRAIGHT), shortfall(HARD, face -> face.yaw = 13));
        assertEquals(Optional.of(Prompt.LOOK_STRAIGHT), shortfall(HARD, face -> face.pitch = -13));
    }
}
