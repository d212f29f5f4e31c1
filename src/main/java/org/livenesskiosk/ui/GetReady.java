package org.livenesskiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;

/**
 * The get-ready step, shown beside the preview until the first action is asked: a simple picture
 * of a good position — the face inside the oval, the light in front, nothing covering the face —
 * and the same three things in words.
 */
final class GetReady extends VBox {

    private final Label title = new FlowingLabel();
    private final Label faceInOval = new FlowingLabel();
    private final Label lightInFront = new FlowingLabel();
    private final Label uncovered = new FlowingLabel();

    GetReady() {
        getStyleClass().add("get-ready");
        setId("getReady");
        setSpacing(12);
        setAlignment(Pos.TOP_CENTER);
        title.getStyleClass().add("subtitle");
        for (Label hint : new Label[] {faceInOval, lightInFront, uncovered}) {
            hint.getStyleClass().add("hint");
            hint.setMaxWidth(Double.MAX_VALUE);
        }
        getChildren().addAll(title, illustration(), faceInOval, lightInFront, uncovered);
    }

    /** A lamp in front, shining on a face that sits inside the oval, uncovered. */
    private static Group illustration() {
        Ellipse oval = new Ellipse(0, 0, 48, 62);
        oval.getStyleClass().add("illustration-oval");
        Circle head = new Circle(0, 0, 36);
        head.getStyleClass().add("illustration-face");
        Circle rightEye = new Circle(-13, -8, 4);
        Circle leftEye = new Circle(13, -8, 4);
        rightEye.getStyleClass().add("illustration-line");
        leftEye.getStyleClass().add("illustration-line");
        Arc smile = new Arc(0, 10, 14, 9, 200, 140);
        smile.setType(ArcType.OPEN);
        smile.getStyleClass().add("illustration-stroke");
        Circle lamp = new Circle(-92, -44, 12);
        lamp.getStyleClass().add("illustration-lamp");
        Group picture = new Group(oval, head, rightEye, leftEye, smile, lamp);
        for (int ray = 0; ray < 3; ray++) {
            double angle = Math.toRadians(-20 + ray * 20);
            Line beam = new Line(-74, -44 + ray * 8, -74 + 18 * Math.cos(angle), -44 + ray * 8 + 18 * Math.sin(angle));
            beam.getStyleClass().add("illustration-stroke");
            picture.getChildren().add(beam);
        }
        return picture;
    }

    void relabel(Messages messages) {
        title.setText(messages.text(UiText.READY_TITLE));
        faceInOval.setText("✓ " + messages.text(UiText.READY_FACE_IN_OVAL));
        lightInFront.setText("✓ " + messages.text(UiText.READY_LIGHT_IN_FRONT));
        uncovered.setText("✓ " + messages.text(UiText.READY_UNCOVERED));
    }
}
