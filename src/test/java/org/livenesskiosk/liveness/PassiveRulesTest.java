package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.PassiveCues.Reading;

/** The passive cues' readings at each limit and just past it, and how they fuse into the verdict. */
class PassiveRulesTest {

    private static PassiveCues texture(double median, int frames) {
        return new PassiveCues(OptionalDouble.of(median), frames, OptionalDouble.empty(), 0, OptionalDouble.empty());
    }

    private static PassiveCues liveTextureAndShape(double flatness, int pairs) {
        return new PassiveCues(OptionalDouble.of(0.99), 20, OptionalDouble.of(flatness), pairs, OptionalDouble.empty());
    }

    @Test
    void textureReadsLiveFromTheProductThresholdOn() {
        assertEquals(Reading.LIVE, texture(PassiveCues.TEXTURE_LIVE, 10).textureReading());
        assertEquals(Reading.UNSURE, texture(Math.nextDown(PassiveCues.TEXTURE_LIVE), 10).textureReading());
        assertEquals(Reading.UNSURE, texture(PassiveCues.TEXTURE_ATTACK, 10).textureReading());
        assertEquals(Reading.ATTACK, texture(Math.nextDown(PassiveCues.TEXTURE_ATTACK), 10).textureReading());
    }

    @Test
    void textureNeedsTenScoredFrames() {
        assertEquals(Reading.LIVE, texture(0.99, PassiveCues.MIN_TEXTURED_FRAMES).textureReading());
        assertEquals(Reading.ABSENT, texture(0.99, PassiveCues.MIN_TEXTURED_FRAMES - 1).textureReading());
        assertEquals(Reading.ABSENT, texture(0.0, PassiveCues.MIN_TEXTURED_FRAMES - 1).textureReading());
        assertEquals(Reading.ABSENT, PassiveCues.none().textureReading());
    }

    @Test
    void shapeReadsFlatBelowItsLimitAndDeepFromItsOwn() {
        assertEquals(Reading.LIVE, liveTextureAndShape(PassiveCues.DEPTH_LIVE, 3).flatnessReading());
        assertEquals(Reading.UNSURE, liveTextureAndShape(Math.nextDown(PassiveCues.DEPTH_LIVE), 3).flatnessReading());
        assertEquals(Reading.UNSURE, liveTextureAndShape(PassiveCues.FLAT_ATTACK, 3).flatnessReading());
        assertEquals(Reading.ATTACK, liveTextureAndShape(Math.nextDown(PassiveCues.FLAT_ATTACK), 3).flatnessReading());
        assertEquals(Reading.ABSENT, liveTextureAndShape(0.0, PassiveCues.MIN_FLAT_PAIRS - 1).flatnessReading());
    }

    private static PassiveCues liveTextureWithPerspective(double ratio) {
        return texture(0.99, 20).withPerspective(Optional.of(new Perspective.Cue(ratio, ratio * 0.1, 0.1)));
    }

    @Test
    void theFarNearStagesPerspectiveJoinsTheFusion() {
        assertEquals(Reading.LIVE, liveTextureWithPerspective(Perspective.LIVE_RATIO).perspectiveReading());
        assertEquals(PassiveVerdict.LIVE, PassiveVerdict.of(liveTextureWithPerspective(Perspective.LIVE_RATIO)));

        PassiveCues unsure = liveTextureWithPerspective(Math.nextDown(Perspective.LIVE_RATIO));
        assertEquals(Reading.UNSURE, unsure.perspectiveReading());
        assertEquals(PassiveVerdict.UNCERTAIN, PassiveVerdict.of(unsure));
        assertEquals("UNSURE_PERSPECTIVE", PassiveVerdict.reason(unsure).orElseThrow());

        PassiveCues flat = liveTextureWithPerspective(Math.nextDown(Perspective.ATTACK_RATIO));
        assertEquals(PassiveVerdict.ATTACK, PassiveVerdict.of(flat));
        assertEquals("PRESENTATION_PERSPECTIVE", PassiveVerdict.reason(flat).orElseThrow());
        assertEquals(Reading.UNSURE, liveTextureWithPerspective(Perspective.ATTACK_RATIO).perspectiveReading());

        assertEquals(Reading.ABSENT, texture(0.99, 20).withPerspective(Optional.empty()).perspectiveReading());
    }

    @Test
    void aLiveTextureWithoutAHeadTurnIsLive() {
        assertEquals(PassiveVerdict.LIVE, PassiveVerdict.of(texture(0.99, 30)));
        assertEquals(Optional.empty(), PassiveVerdict.reason(texture(0.99, 30)));
    }

    @Test
    void anyCueThatSeesAnAttackMakesItAnAttack() {
        PassiveCues flatButLiveTexture = liveTextureAndShape(0.001, 10);
        assertEquals(PassiveVerdict.ATTACK, PassiveVerdict.of(flatButLiveTexture));
        assertEquals("PRESENTATION_SHAPE", PassiveVerdict.reason(flatButLiveTexture).orElseThrow());

        PassiveCues printed = new PassiveCues(OptionalDouble.of(0.01), 12, OptionalDouble.of(0.001), 5, OptionalDouble.empty());
        assertEquals(PassiveVerdict.ATTACK, PassiveVerdict.of(printed));
        assertEquals("PRESENTATION_TEXTURE_SHAPE", PassiveVerdict.reason(printed).orElseThrow());
    }

    @Test
    void tooFewFramesOrAnUnsureCueIsLeftToAPerson() {
        assertEquals(PassiveVerdict.UNCERTAIN, PassiveVerdict.of(texture(0.99, 9)));
        assertEquals("UNSURE_TEXTURE", PassiveVerdict.reason(texture(0.99, 9)).orElseThrow());
        assertEquals(PassiveVerdict.UNCERTAIN, PassiveVerdict.of(texture(0.3, 20)));

        PassiveCues shallow = liveTextureAndShape(0.017, 10);
        assertEquals(PassiveVerdict.UNCERTAIN, PassiveVerdict.of(shallow));
        assertEquals("UNSURE_SHAPE", PassiveVerdict.reason(shallow).orElseThrow());
    }

    @Test
    void everyReasonFitsTheStoredColumn() {
        PassiveCues worst = new PassiveCues(OptionalDouble.of(0.3), 20, OptionalDouble.of(0.017), 5, OptionalDouble.empty());
        for (PassiveCues cues : new PassiveCues[] {worst, texture(0.0, 20), PassiveCues.none(), liveTextureAndShape(0, 9)}) {
            assertTrue(PassiveVerdict.reason(cues).orElseThrow().length() <= 40, PassiveVerdict.reason(cues).orElseThrow());
        }
    }
}
