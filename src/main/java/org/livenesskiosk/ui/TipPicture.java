package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.Prompt;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * One simple picture for each cause a customer can fix, beside the tip's words on the result
 * screen: too dark (a lamp in front, shining on the face), too far (the face growing to fill the
 * oval, as the far/near step shows it too), face the camera (the camera straight in front of the eyes), hold still (a face between
 * two pause bars). Drawn in the look's colours ({@code kiosk.css}, as {@link GetReady}'s picture),
 * so high contrast draws it in yellow on black too; a tip without a picture of its own shows none.
 */
final class TipPicture {

    private static final double FACE = 30;

    private TipPicture() {
    }

    /** The picture for a tip (the prompt that asks for the fix), if it has one. */
    static Optional<Node> of(Prompt tip) {
        Group picture = switch (tip) {
            case MORE_LIGHT -> tooDark();
            case CENTER_FACE -> comeCloser();
            case LOOK_AT_CAMERA -> faceTheCamera();
            case HOLD_STILL -> holdStill();
            default -> null;
        };
        return Optional.ofNullable(picture).map(drawn -> {
            drawn.setId("tipPicture");
            return drawn;
        });
    }

    /** A lamp switched on in front of the face, its rays on it. */
    private static Group tooDark() {
        Group picture = face(24, 0, FACE);
        Circle lamp = styled(new Circle(-60, -26, 12), "illustration-lamp");
        picture.getChildren().add(lamp);
        for (int ray = 0; ray < 3; ray++) {
            double y = -26 + (ray - 1) * 12;
            picture.getChildren().add(styled(new Line(-42, y, -18, y + (ray - 1) * 6 + 14), "illustration-stroke"));
        }
        return picture;
    }

    /** A small face, an arrow, and the same face filling the oval: come closer (the far/near step's picture too). */
    static Group comeCloser() {
        Group picture = new Group(face(-56, 0, FACE / 2).getChildren().toArray(Node[]::new));
        picture.getChildren().add(styled(new Line(-34, 0, -6, 0), "illustration-stroke"));
        picture.getChildren().add(styled(new Polygon(-4, 0, -14, -7, -14, 7), "illustration-line"));
        picture.getChildren().add(styled(new Ellipse(44, 0, FACE + 8, FACE + 18), "illustration-oval"));
        picture.getChildren().addAll(face(44, 0, FACE).getChildren());
        return picture;
    }

    /** A camera straight above the face, and the face looking at it. */
    private static Group faceTheCamera() {
        Group picture = face(0, 16, FACE);
        picture.getChildren().add(styled(new Rectangle(-20, -56, 40, 24), "illustration-stroke"));
        picture.getChildren().add(styled(new Circle(0, -44, 7), "illustration-line"));
        picture.getChildren().add(styled(new Line(0, -28, 0, -16), "illustration-stroke"));
        return picture;
    }

    /** The face between two pause bars: still. */
    private static Group holdStill() {
        Group picture = face(0, 0, FACE);
        picture.getChildren().add(styled(new Rectangle(-62, -20, 8, 40), "illustration-line"));
        picture.getChildren().add(styled(new Rectangle(54, -20, 8, 40), "illustration-line"));
        return picture;
    }

    /** A face of this radius at this place: eyes and a smile, as the get-ready picture draws it. */
    private static Group face(double x, double y, double radius) {
        double eye = radius * 0.36;
        Arc smile = new Arc(x, y + radius * 0.28, radius * 0.4, radius * 0.25, 200, 140);
        smile.setType(ArcType.OPEN);
        return new Group(styled(new Circle(x, y, radius), "illustration-face"),
                styled(new Circle(x - eye, y - radius * 0.22, Math.max(2, radius * 0.11)), "illustration-line"),
                styled(new Circle(x + eye, y - radius * 0.22, Math.max(2, radius * 0.11)), "illustration-line"),
                styled(smile, "illustration-stroke"));
    }

    private static <T extends Shape> T styled(T shape, String styleClass) {
        shape.getStyleClass().add(styleClass);
        return shape;
    }
}
