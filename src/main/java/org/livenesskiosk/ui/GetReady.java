package org.livenesskiosk.ui;

import org.livenesskiosk.liveness.Prompt;
import org.livenesskiosk.liveness.SessionState;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;

/**
 * The panel beside the preview before the first action, for the step under way. The far/near
 * stage is a step of its own: its title, a picture of the face growing from the small oval to the
 * large one, and its two parts, the one under way marked and the one done ticked. Then getting
 * ready: a simple picture of a good position — the face inside the oval, the light in front,
 * nothing covering the face — and the same three things in words. Hidden once an action is asked.
 */
final class GetReady extends VBox {

    private final Label title = new FlowingLabel();
    private final Label faceInOval = new FlowingLabel();
    private final Label lightInFront = new FlowingLabel();
    private final Label uncovered = new FlowingLabel();
    private final Group readyPicture = illustration();
    private final Label farNearTitle = new FlowingLabel();
    private final Group farNearPicture = TipPicture.comeCloser();
    private final Label far = new FlowingLabel();
    private final Label near = new FlowingLabel();
    private SessionState step = SessionState.PREPARING;
    private Messages messages;

    GetReady() {
        getStyleClass().add("get-ready");
        setId("getReady");
        setSpacing(12);
        setAlignment(Pos.TOP_CENTER);
        title.getStyleClass().add("subtitle");
        farNearTitle.getStyleClass().add("subtitle");
        farNearTitle.setId("farNearTitle");
        far.setId("farStep");
        near.setId("nearStep");
        faceInOval.setId("faceInOval");
        for (Label hint : new Label[] {faceInOval, lightInFront, uncovered, far, near}) {
            hint.getStyleClass().add("hint");
            hint.setMaxWidth(Double.MAX_VALUE);
        }
        getChildren().addAll(farNearTitle, farNearPicture, far, near, title, readyPicture, faceInOval, lightInFront, uncovered);
        show(SessionState.PREPARING);
    }

    /** Shows the panel of this step of the session (the far/near stage's, or getting ready's), or hides it. */
    void show(SessionState now) {
        step = now;
        boolean farNear = now == SessionState.FAR || now == SessionState.NEAR;
        setVisible(farNear || now == SessionState.PREPARING);
        for (Node part : new Node[] {farNearTitle, farNearPicture, far, near}) {
            part.setVisible(farNear);
            part.setManaged(farNear);
        }
        for (Node part : new Node[] {title, readyPicture, faceInOval, lightInFront, uncovered}) {
            part.setVisible(!farNear);
            part.setManaged(!farNear);
        }
        if (messages != null) {
            relabelFarNear();
        }
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

    /** The stage's two parts in the session's own words: the one under way marked, the far one ticked once done. */
    private void relabelFarNear() {
        far.setText((step == SessionState.NEAR ? "✓ " : "● ") + messages.prompt(Prompt.FAR_FACE));
        near.setText((step == SessionState.NEAR ? "● " : "○ ") + messages.prompt(Prompt.NEAR_FACE));
    }

    void relabel(Messages messages) {
        this.messages = messages;
        title.setText(messages.text(UiText.READY_TITLE));
        faceInOval.setText("✓ " + messages.text(UiText.READY_FACE_IN_OVAL));
        lightInFront.setText("✓ " + messages.text(UiText.READY_LIGHT_IN_FRONT));
        uncovered.setText("✓ " + messages.text(UiText.READY_UNCOVERED));
        farNearTitle.setText(messages.text(UiText.FAR_NEAR_TITLE));
        relabelFarNear();
    }
}
