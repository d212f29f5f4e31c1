package org.livenesskiosk.ui;

import javafx.css.PseudoClass;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The oval over the live preview, drawn from the preview's own geometry: where the picture lies
 * in its pane (scaled to fit, mirrored) and where the {@link FaceTarget} lies in the picture. It
 * grows and moves with the window and with the target; everything of the picture outside it is
 * dimmed. It turns green only when {@link FaceFit} says the face fits.
 */
final class OvalGuide extends Pane {

    /** The oval encloses the face's landmarks with room for the hair and chin around them. */
    static final double MARGIN = 1.3;
    /** Until the camera's first frame, a picture of a webcam's usual 4:3. */
    private static final double DEFAULT_ASPECT = 4.0 / 3;
    private static final PseudoClass FITS = PseudoClass.getPseudoClass("fits");

    private final ImageView preview;
    private final Ellipse oval = new Ellipse();
    private final Path outside = new Path();
    private FaceTarget target = FaceTarget.STANDARD;

    OvalGuide(ImageView preview) {
        this.preview = preview;
        setMouseTransparent(true);
        setMinSize(0, 0);
        oval.getStyleClass().add("oval");
        oval.setId("oval");
        preview.imageProperty().addListener((observed, before, now) -> requestLayout());
        outside.getStyleClass().add("outside-oval");
        outside.setFillRule(FillRule.EVEN_ODD);
        getChildren().setAll(outside, oval);
    }

    /** Where the session wants the face. */
    void target(FaceTarget fromSession) {
        if (!fromSession.equals(target)) {
            target = fromSession;
            requestLayout();
        }
    }

    FaceTarget target() {
        return target;
    }

    void fits(boolean fits) {
        oval.pseudoClassStateChanged(FITS, fits);
    }

    /** The width over the height of the picture shown (or of a usual camera's until there is one). */
    double pictureAspect() {
        Image image = preview.getImage();
        return image == null || image.getHeight() == 0 ? DEFAULT_ASPECT : image.getWidth() / image.getHeight();
    }

    @Override
    protected void layoutChildren() {
        double aspect = pictureAspect();
        double scale = Math.min(getWidth() / aspect, getHeight());
        double pictureWidth = aspect * scale;
        double pictureHeight = scale;
        double left = (getWidth() - pictureWidth) / 2;
        double top = (getHeight() - pictureHeight) / 2;
        // Mirrored: the picture's right is the screen's left.
        oval.setCenterX(left + (1 - target.centerX()) * pictureWidth);
        oval.setCenterY(top + target.centerY() * pictureHeight);
        oval.setRadiusX(target.width() * pictureWidth / 2 * MARGIN);
        oval.setRadiusY(target.height(aspect) * pictureHeight / 2 * MARGIN);
        Shape cutOut = Shape.subtract(new Rectangle(left, top, pictureWidth, pictureHeight),
                new Ellipse(oval.getCenterX(), oval.getCenterY(), oval.getRadiusX(), oval.getRadiusY()));
        outside.getElements().setAll(((Path) cutOut).getElements());
    }
}
