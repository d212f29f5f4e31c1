package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The session's preparation judges the face's place by its {@link FaceZone}, the same rule the
 * kiosk's oval is given with every update: over a grid of places and sizes, the preparation asks
 * to move exactly where the zone says the face does not fit, and each stage tells its own zone.
 */
class FaceZoneTest {

    private static final Set<Prompt> PLACEMENT = Set.of(Prompt.MOVE_CLOSER, Prompt.MOVE_BACK, Prompt.CENTER_FACE);

    @Test
    void thePreparationAsksToMoveExactlyWhereItsZoneSaysTheFaceDoesNotFit() {
        for (DetectionLevel level : DetectionLevel.values()) {
            Preparation preparation = new Preparation(LivenessConfig.defaults().withLevel(level));
            for (double offsetX = -0.4; offsetX <= 0.4; offsetX += 0.05) {
                for (double offsetY = -0.4; offsetY <= 0.4; offsetY += 0.05) {
                    for (double size = 0.05; size <= 0.6; size += 0.05) {
                        TestFaces face = TestFaces.ready();
                        face.offsetX = offsetX;
                        face.offsetY = offsetY;
                        face.relativeSize = size;
                        Optional<Prompt> shortfall = preparation.shortfall(face.frame());
                        boolean fits = preparation.zone().judge(new FacePlacement(0.5 + offsetX, 0.5 + offsetY, size, 1.25))
                                == FaceZone.Placement.FITS;
                        assertEquals(!fits, shortfall.filter(PLACEMENT::contains).isPresent(),
                                level + " " + offsetX + ", " + offsetY + ", " + size + ": " + shortfall);
                    }
                }
            }
        }
    }

    @Test
    void aStricterLevelAllowsLessRoom() {
        FaceZone normal = FaceZone.of(0.2, 0.3, DetectionLevel.NORMAL);
        FaceZone hard = FaceZone.of(0.2, 0.3, DetectionLevel.HARD);
        assertEquals(FaceZone.MAX_CENTER_OFFSET_X, normal.maxOffsetX(), 1e-12);
        assertEquals(FaceZone.MAX_CENTER_OFFSET_X / DetectionLevel.HARD.strictness(), hard.maxOffsetX(), 1e-12);
        assertEquals(FaceZone.Placement.FITS, normal.judge(new FacePlacement(0.69, 0.5, 0.25, 1.25)));
        assertEquals(FaceZone.Placement.IMAGE_RIGHT, hard.judge(new FacePlacement(0.69, 0.5, 0.25, 1.25)));
    }
}
