package org.livenesskiosk.ui;

import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A label whose text wraps correctly in every script: it breaks its own lines ({@link LineBreaks})
 * and draws each as one unwrapped {@link Text}. Its text is the whole message, as for any label.
 * It asks its parent for the height its lines need at the width it is given, and never less
 * width than its widest word.
 */
final class FlowingLabel extends Label {

    FlowingLabel() {
        setWrapText(true);
        getStyleClass().add("flowing");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlowingSkin(this);
    }

    /** The lines drawn now: for the layout test. */
    List<Text> drawnLines() {
        return getChildrenUnmodifiable().stream().map(Text.class::cast).toList();
    }

    private static final class FlowingSkin extends SkinBase<Label> {

        private final Text measure = new Text();

        FlowingSkin(Label label) {
            super(label);
            registerChangeListener(label.textProperty(), observed -> label.requestLayout());
            registerChangeListener(label.fontProperty(), observed -> label.requestLayout());
            registerChangeListener(label.textFillProperty(), observed -> label.requestLayout());
        }

        private double width(String text) {
            measure.setFont(getSkinnable().getFont());
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        }

        private double height(String text) {
            measure.setFont(getSkinnable().getFont());
            measure.setText(text.isEmpty() ? " " : text);
            return measure.getLayoutBounds().getHeight();
        }

        private List<String> lines(double width) {
            String text = getSkinnable().getText() == null ? "" : getSkinnable().getText();
            return text.isEmpty() ? List.of() : LineBreaks.lines(text, width, this::width);
        }

        private double linesHeight(List<String> lines) {
            double spacing = getSkinnable().getLineSpacing() * Math.max(0, lines.size() - 1);
            return lines.stream().mapToDouble(this::height).sum() + spacing;
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            String text = getSkinnable().getText() == null ? "" : getSkinnable().getText();
            return left + LineBreaks.widestPiece(text, this::width) + right;
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            String text = getSkinnable().getText() == null ? "" : getSkinnable().getText();
            double widest = 0;
            for (String paragraph : text.split("\n", -1)) {
                widest = Math.max(widest, width(paragraph));
            }
            return left + widest + right;
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            double available = width < 0 ? Double.MAX_VALUE : width - left - right;
            return top + linesHeight(lines(available)) + bottom;
        }

        @Override
        protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
            return getSkinnable().prefHeight(width);
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            Label label = getSkinnable();
            List<String> lines = lines(width);
            getChildren().setAll(lines.stream().map(line -> {
                Text text = new Text(line);
                text.setFont(label.getFont());
                text.setFill(label.getTextFill());
                text.setTextOrigin(VPos.TOP);
                return text;
            }).toList());
            HPos alignment = switch (label.getTextAlignment() == null ? TextAlignment.LEFT : label.getTextAlignment()) {
                case CENTER -> HPos.CENTER;
                case RIGHT -> HPos.RIGHT;
                default -> HPos.LEFT;
            };
            double top = y;
            for (Node child : getChildren()) {
                Text text = (Text) child;
                double lineWidth = text.getLayoutBounds().getWidth();
                double lineHeight = height(text.getText());
                double offset = switch (alignment) {
                    case CENTER -> (width - lineWidth) / 2;
                    case RIGHT -> width - lineWidth;
                    default -> 0;
                };
                text.relocate(x + Math.max(0, offset), top);
                top += lineHeight + label.getLineSpacing();
            }
        }
    }
}
