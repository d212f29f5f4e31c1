package org.livenesskiosk.ui;

import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

/**
 * The oval over the live preview, drawn from the preview's own geometry: where the picture lies
 * in its pane (scaled to fit, mirrored) and where the {@link FaceTarget} lies in the picture. It
 * grows and moves with the window and with the target; everything of the picture outside it is
 * dimmed. It turns green only when {@link FaceFit} says the face fits. When the session asks for a
 * larger face (the far/near stage's near step) the oval grows to it over {@link #GROW}, so that the
 * customer sees which way to move; a smaller one it takes at once.
 */
final class OvalGuide extends Pane {

    /** The oval encloses the face's landmarks with room for the hair and chin around them. */
    static final double MARGIN = 1.3;
    /** Until the camera's first frame, a picture of a webcam's usual 4:3. */
    private static final double DEFAULT_ASPECT = 4.0 / 3;
    private static final PseudoClass FITS = PseudoClass.getPseudoClass("fits");
    /** Slow enough to see the oval grow, quick enough to be done before the customer has moved. */
    static final Duration GROW = Duration.millis(1200);

    private final ImageView preview;
    private final Ellipse oval = new Ellipse();
    private final Path outside = new Path();
    private FaceTarget target = FaceTarget.STANDARD;
    /** The face's width the oval is drawn for: the target's, or on its way there. */
    private final DoubleProperty drawnWidth = new SimpleDoubleProperty(FaceTarget.STANDARD.width());
    private final Timeline growing = new Timeline();

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
        drawnWidth.addListener((observed, before, now) -> requestLayout());
    }

    /** Where the session wants the face. */
    void target(FaceTarget fromSession) {
        if (!fromSession.equals(target)) {
            growing.stop();
            if (fromSession.width() > target.width()) {
                growing.getKeyFrames().setAll(new KeyFrame(Duration.ZERO, new KeyValue(drawnWidth, drawnWidth.get())),
                        new KeyFrame(GROW, new KeyValue(drawnWidth, fromSession.width(), Interpolator.EASE_BOTH)));
                growing.playFromStart();
            } else {
                drawnWidth.set(fromSession.width());
            }
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
        FaceTarget drawn = new FaceTarget(target.centerX(), target.centerY(), drawnWidth.get());
        oval.setRadiusX(drawn.width() * pictureWidth / 2 * MARGIN);
        oval.setRadiusY(drawn.height(aspect) * pictureHeight / 2 * MARGIN);
        Shape cutOut = Shape.subtract(new Rectangle(left, top, pictureWidth, pictureHeight),
                new Ellipse(oval.getCenterX(), oval.getCenterY(), oval.getRadiusX(), oval.getRadiusY()));
        outside.getElements().setAll(((Path) cutOut).getElements());
    }
}
