package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.liveness.IdCardCapture.Guidance;
import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.CardView;

/** The "Check ID photo" guidance, frame by frame, over the card's measurements alone. */
class IdCardCaptureTest {

    private static final Box GUIDE = new Box(256, 117, 768, 484);
    private static final Box PORTRAIT = new Box(390, 290, 100, 100);
    private static final double SHARP = 1_000;
    /** The card's outline around the portrait, inside the guide. */
    private static final Box CARD = new Box(290, 140, 700, 441);

    private static CardView card(List<Box> faces, double sharpness, double glare) {
        return new CardView(GUIDE, faces, Optional.of(CARD), sharpness, glare);
    }

    private static CardView good() {
        return card(List.of(PORTRAIT), SHARP, 0);
    }

    /** The guidance of each frame, 33 ms apart, as a camera's. */
    private static List<Guidance> run(IdCardCapture capture, CardView... frames) {
        long[] time = {0};
        return Arrays.stream(frames).map(frame -> capture.next(frame, time[0] += 33).guidance()).toList();
    }

    @Test
    void eachFlawIsSaidOnItsOwn() {
        assertEquals(List.of(Guidance.NO_CARD, Guidance.INTO_RECTANGLE, Guidance.MOVE_CLOSER, Guidance.GLARE, Guidance.BLUR,
                Guidance.HOLD_STILL), run(new IdCardCapture(),
                card(List.of(), SHARP, 0),
                card(List.of(new Box(250, 290, 100, 100)), SHARP, 0),
                card(List.of(new Box(390, 290, 60, 60)), SHARP, 0),
                card(List.of(PORTRAIT), SHARP, IdCardCapture.MAX_GLARE * 2),
                card(List.of(PORTRAIT), IdCardCapture.MIN_SHARPNESS / 2, 0),
                good()));
    }

    @Test
    void aGoodCardHeldStillIsCapturedAfterHalfASecondAndStaysCaptured() {
        IdCardCapture capture = new IdCardCapture();
        IdCardCapture.Step step = capture.next(good(), 1_000);
        assertEquals(Guidance.HOLD_STILL, step.guidance());
        assertEquals(Guidance.HOLD_STILL, capture.next(good(), 1_000 + IdCardCapture.HOLD_MS - 1).guidance());

        step = capture.next(good(), 1_000 + IdCardCapture.HOLD_MS);

        assertEquals(new IdCardCapture.Step(Guidance.CAPTURED, Optional.of(PORTRAIT)), step);
        assertEquals(step, capture.next(card(List.of(), 0, 1), 2_000), "a capture is not undone by a later frame");
    }

    @Test
    void aBlurredFrameOrACardMovedStartsTheHoldAgain() {
        IdCardCapture capture = new IdCardCapture();
        capture.next(good(), 0);
        assertEquals(Guidance.BLUR, capture.next(card(List.of(PORTRAIT), 10, 0), 300).guidance());
        assertEquals(Guidance.HOLD_STILL, capture.next(good(), 400).guidance());
        assertEquals(Guidance.HOLD_STILL, capture.next(card(List.of(new Box(420, 290, 100, 100)), SHARP, 0), 850).guidance(),
                "moved by 30 % of the face: held from here");

        assertEquals(Guidance.HOLD_STILL, capture.next(card(List.of(new Box(420, 290, 100, 100)), SHARP, 0), 1_300).guidance());
        assertEquals(Guidance.CAPTURED, capture.next(card(List.of(new Box(422, 291, 100, 100)), SHARP, 0), 1_350).guidance());
    }

    /** A face picture of another shape, or a face beside something card-shaped, is not a card's portrait. */
    @Test
    void aPortraitIsTakenOnlyOnACardsOutline() {
        Box besideThePortrait = new Box(520, 140, 470, 300);

        assertEquals(List.of(Guidance.INTO_RECTANGLE, Guidance.INTO_RECTANGLE, Guidance.INTO_RECTANGLE, Guidance.HOLD_STILL),
                run(new IdCardCapture(),
                        new CardView(GUIDE, List.of(PORTRAIT), Optional.empty(), SHARP, 0),
                        new CardView(GUIDE, List.of(PORTRAIT), Optional.of(besideThePortrait), SHARP, 0),
                        new CardView(GUIDE, List.of(PORTRAIT), Optional.of(new Box(400, 140, 590, 441)), SHARP, 0),
                        good()));
    }

    @Test
    void aFaceTooLargeForACardIsNoCard() {
        Box customersOwnFace = new Box(400, 150, 400, 400);

        assertEquals(Guidance.NO_CARD, new IdCardCapture().next(card(List.of(customersOwnFace), SHARP, 0), 0).guidance());
        assertEquals(Guidance.HOLD_STILL, new IdCardCapture().next(card(List.of(customersOwnFace, PORTRAIT), SHARP, 0), 0)
                .guidance(), "the card's portrait beside it is");
    }

    @Test
    void theLargestFaceIsThePortraitNotTheCardsGhostImage() {
        Box ghost = new Box(900, 450, 40, 40);
        IdCardCapture capture = new IdCardCapture();
        capture.next(card(List.of(ghost, PORTRAIT), SHARP, 0), 0);

        IdCardCapture.Step step = capture.next(card(List.of(ghost, PORTRAIT), SHARP, 0), IdCardCapture.HOLD_MS);

        assertTrue(step.portrait().isPresent());
        assertEquals(PORTRAIT, step.portrait().get());
    }
}
