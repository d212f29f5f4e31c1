package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.testdata.IdCards;
import org.livenesskiosk.testdata.SharedData;

/**
 * The card's measurements on frames made from real pictures ({@link IdCards}): its portrait found
 * inside the guide, and only there; blur and glare measured where they are; the portrait cut out.
 */
class CardMeterTest {

    private static final CardMeter METER = new CardMeter(Models.fromClasspath());
    /** The guide IdCards draws the card in: the kiosk's, in a 1280 × 720 frame. */
    private static final Box GUIDE = new Box(256, 117, 768, 484);

    private static Mat frame(IdCards.Flaw flaw) {
        return IdCards.frame(SharedData.image("noface_fivek_a1956_windmill_N1.5.jpg"), SharedData.image("aflw2000_image00050.jpg"),
                flaw);
    }

    private static CardView measured(IdCards.Flaw flaw) {
        try (Mat frame = frame(flaw)) {
            return METER.measure(frame, GUIDE);
        }
    }

    @Test
    void theCardsPortraitIsFoundInsideTheGuideAndNothingInTheSceneAlone() {
        CardView card = measured(IdCards.Flaw.NONE);

        assertEquals(1, card.faces().size(), card.toString());
        Box face = card.faces().get(0);
        Box guide = card.guide();
        assertTrue(face.x() > guide.x() && face.x() + face.width() < guide.x() + guide.width() / 2, "on the card's left: " + face);
        assertTrue(face.width() > 80 && face.width() < 140, "a quarter of the card's photo: " + face);
        assertEquals(0, measured(IdCards.Flaw.NO_CARD).faces().size(), "the windmill scene shows no face");
    }

    @Test
    void blurAndGlareAreMeasuredOnTheCard() {
        CardView sharp = measured(IdCards.Flaw.NONE);
        CardView blurred = measured(IdCards.Flaw.BLUR);
        CardView glaring = measured(IdCards.Flaw.GLARE);

        assertTrue(blurred.sharpness() < sharp.sharpness() / 100, blurred.sharpness() + " against " + sharp.sharpness());
        assertTrue(sharp.glare() < 0.001, "a matt card: " + sharp.glare());
        assertTrue(glaring.glare() > 0.05, "a lamp's reflection: " + glaring.glare());
    }

    @Test
    void thePortraitIsCutOutAroundTheFaceAsAJpeg() {
        try (Mat frame = frame(IdCards.Flaw.NONE)) {
            Box face = METER.measure(frame, GUIDE).faces().get(0);
            byte[] portrait = CardMeter.portrait(frame, face);

            try (Mat decoded = JpegFrames.decode(portrait)) {
                assertEquals(face.width() * FaceCrop.MARGIN, decoded.cols(), 1.0, "at the camera's own resolution");
                assertEquals(decoded.cols(), decoded.rows());
                assertEquals(1, new BlazeFaceDetector(DetectorModel.SHORT_RANGE, Models.fromClasspath()).detect(decoded).size());
            }
        }
    }
}
