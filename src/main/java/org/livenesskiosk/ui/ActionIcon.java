package org.livenesskiosk.ui;

import java.util.Optional;

import org.livenesskiosk.liveness.ActionType;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Group;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;

/**
 * A small animated face that shows the action asked for: eyes that blink, a mouth that opens, a
 * head that turns or nods. Its colours are the look's ({@code kiosk.css}), so that high contrast
 * draws it in yellow on black too.
 */
final class ActionIcon extends StackPane {

    private static final double SIZE = 120;
    /** The face's lines, as {@code kiosk.css} colours them. */
    private static final String LINE = "action-line";
    private static final String ARROW = "action-arrow";

    private final Ellipse rightEye = eye(-22);
    private final Ellipse leftEye = eye(22);
    private final Ellipse mouth = new Ellipse(0, 30, 18, 3);
    private final Polygon arrow = new Polygon(-10, 0, 10, 0, 0, 14);
    private final Group face;
    private Optional<ActionType> shown = Optional.empty();
    private Timeline animation = new Timeline();

    ActionIcon() {
        Circle head = new Circle(0, 0, SIZE / 2 - 6, Color.TRANSPARENT);
        head.getStyleClass().add("action-head");
        mouth.getStyleClass().add(LINE);
        arrow.getStyleClass().add(ARROW);
        face = new Group(head, rightEye, leftEye, mouth);
        getChildren().addAll(face, arrow);
        setMinSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        setVisible(false);
    }

    private static Ellipse eye(double x) {
        Ellipse eye = new Ellipse(x, -12, 8, 8);
        eye.getStyleClass().add(LINE);
        return eye;
    }

    /** Shows and animates this action, or hides while no action is asked for. */
    void show(Optional<ActionType> action) {
        if (action.equals(shown)) {
            return;
        }
        shown = action;
        animation.stop();
        face.setTranslateX(0);
        face.setTranslateY(0);
        leftEye.scaleYProperty().unbind();
        rightEye.setScaleY(1);
        leftEye.setScaleY(1);
        mouth.setRadiusY(3);
        setVisible(action.isPresent());
        arrow.setVisible(false);
        action.ifPresent(this::animate);
    }

    private void animate(ActionType action) {
        animation = switch (action) {
            case BLINK -> loop(rightEye.scaleYProperty(), 1, 0.1, leftEye.scaleYProperty());
            case MOUTH -> loop(mouth.radiusYProperty(), 3, 16, null);
            case POS_YAW -> loop(face.translateXProperty(), -14, 14, null);
            case NOD -> loop(face.translateYProperty(), -6, 12, null);
        };
        arrow.setVisible(action == ActionType.POS_YAW || action == ActionType.NOD);
        arrow.setRotate(action == ActionType.POS_YAW ? -90 : 0);
        arrow.setTranslateY(action == ActionType.NOD ? SIZE / 2 - 4 : 0);
        arrow.setTranslateX(action == ActionType.POS_YAW ? SIZE / 2 - 4 : 0);
        animation.play();
    }

    /** Swings a value between two ends for ever; a second property, if given, follows the first. */
    private static Timeline loop(DoubleProperty value, double from, double to, DoubleProperty follower) {
        Timeline timeline = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(value, from)),
                new KeyFrame(Duration.millis(700), new KeyValue(value, to)),
                new KeyFrame(Duration.millis(1400), new KeyValue(value, from)));
        if (follower != null) {
            follower.bind(value);
        }
        timeline.setCycleCount(Animation.INDEFINITE);
        return timeline;
    }
}
