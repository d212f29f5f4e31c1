package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Anchors, suppression and crop geometry, against hand-worked values. */
class DetectorGeometryTest {

    @Test
    void shortRangeHas896AnchorsOnA16And8Grid() {
        DetectorModel model = DetectorModel.SHORT_RANGE;
        assertEquals(896, model.anchorCount());
        // Two anchors per cell of the 16×16 grid, then six per cell of the 8×8 grid.
        assertEquals(0.5 / 16, model.anchorX(0), 1e-6);
        assertEquals(0.5 / 16, model.anchorX(1), 1e-6);
        assertEquals(1.5 / 16, model.anchorX(2), 1e-6);
        assertEquals(0.5 / 16, model.anchorY(31), 1e-6);
        assertEquals(1.5 / 16, model.anchorY(32), 1e-6);
        assertEquals(0.5 / 8, model.anchorX(512), 1e-6);
        assertEquals(0.5 / 8, model.anchorX(517), 1e-6);
        assertEquals(1.5 / 8, model.anchorX(518), 1e-6);
        assertEquals(7.5 / 8, model.anchorY(895), 1e-6);
    }

    @Test
    void fullRangeHas2304AnchorsOnA48Grid() {
        DetectorModel model = DetectorModel.FULL_RANGE;
        assertEquals(2304, model.anchorCount());
        assertEquals(0.5 / 48, model.anchorX(0), 1e-6);
        assertEquals(1.5 / 48, model.anchorX(1), 1e-6);
        assertEquals(1.5 / 48, model.anchorY(48), 1e-6);
        assertEquals(47.5 / 48, model.anchorX(2303), 1e-6);
    }

    private static FaceDetection face(double x, double y, double size, double score) {
        List<Point2> keypoints = List.of(new Point2(x, y), new Point2(x + size, y), new Point2(x, y), new Point2(x, y),
                new Point2(x, y), new Point2(x, y));
        return new FaceDetection(new Box(x, y, size, size), keypoints, score);
    }

    @Test
    void overlappingDetectionsMergeIntoTheirScoreWeightedMean() {
        List<FaceDetection> kept = BlazeFaceDetector.suppress(List.of(face(100, 100, 100, 0.9), face(110, 100, 100, 0.6)));

        assertEquals(1, kept.size());
        FaceDetection merged = kept.get(0);
        assertEquals(0.9, merged.score());
        assertEquals(104, merged.box().x(), 1e-9);
        assertEquals(204, merged.keypoint(FaceDetection.Keypoint.LEFT_EYE).x(), 1e-9);
    }

    @Test
    void separateFacesStaySeparateBestFirst() {
        List<FaceDetection> kept = BlazeFaceDetector.suppress(List.of(face(0, 0, 50, 0.7), face(300, 0, 50, 0.95)));

        assertEquals(2, kept.size());
        assertEquals(0.95, kept.get(0).score());
    }

    @Test
    void intersectionOverUnion() {
        assertEquals(1.0 / 3, new Box(0, 0, 10, 10).iou(new Box(5, 0, 10, 10)), 1e-9);
        assertEquals(0, new Box(0, 0, 10, 10).iou(new Box(20, 20, 10, 10)));
        assertEquals(new Box(0, 5, 5, 3), new Box(-5, 5, 10, 10).clippedTo(5, 8));
    }

    @Test
    void aDetectionsCropIsTurnedByItsEyesAndEnlarged() {
        List<Point2> keypoints = List.of(new Point2(100, 100), new Point2(200, 200), new Point2(150, 150),
                new Point2(150, 180), new Point2(80, 120), new Point2(220, 120));
        FaceRegion region = FaceRegion.fromDetection(new FaceDetection(new Box(50, 60, 200, 160), keypoints, 0.9));

        assertEquals(Math.PI / 4, region.angle(), 1e-9);
        assertEquals(150, region.centerX(), 1e-9);
        assertEquals(140, region.centerY(), 1e-9);
        assertEquals(300, region.size(), 1e-9);
        Box bounds = region.bounds();
        assertEquals(300 * Math.sqrt(2), bounds.width(), 1e-6);
        assertTrue(bounds.contains(150, 140));
    }
}
