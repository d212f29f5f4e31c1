package org.livenesskiosk.vision;

import java.util.List;
import java.util.Optional;

/**
 * What one frame shows inside the guide rectangle where the customer holds their identity card.
 *
 * @param guide     the rectangle, in frame pixels
 * @param faces     the faces found inside it (the card's portrait, and a ghost image some cards print), in frame pixels
 * @param card      the bounds of the card's outline, a closed edge in a card's proportions around the rectangle;
 *                  empty when none is seen (no card, a card partly outside, or a face picture of another shape)
 * @param sharpness the variance of the Laplacian of the rectangle's grey levels: low when the card is out of focus or moving
 * @param glare     the share of the rectangle's pixels saturated in every channel (0–1): the light's reflection on the card
 */
public record CardView(Box guide, List<Box> faces, Optional<Box> card, double sharpness, double glare) {

    /** An ID-1 card's proportions (ISO/IEC 7810: 85.6 × 54 mm), as banks' identity cards are. */
    public static final double CARD_ASPECT = 85.6 / 54;

    public CardView {
        faces = List.copyOf(faces);
    }
}
