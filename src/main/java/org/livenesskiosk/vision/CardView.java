package org.livenesskiosk.vision;

import java.util.List;

/**
 * What one frame shows inside the guide rectangle where the customer holds their identity card.
 *
 * @param guide     the rectangle, in frame pixels
 * @param faces     the faces found inside it (the card's portrait, and a ghost image some cards print), in frame pixels
 * @param sharpness the variance of the Laplacian of the rectangle's grey levels: low when the card is out of focus or moving
 * @param glare     the share of the rectangle's pixels saturated in every channel (0–1): the light's reflection on the card
 */
public record CardView(Box guide, List<Box> faces, double sharpness, double glare) {

    public CardView {
        faces = List.copyOf(faces);
    }
}
