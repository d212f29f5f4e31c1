package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;

/**
 * The contrast of what is shown against what is behind it, as WCAG 2 measures it: 4.5:1 for text,
 * 3:1 for the lines of an icon. A node's background is the nearest opaque fill behind it, with
 * the translucent fills between blended over it, as the eye sees them.
 */
final class Contrast {

    static final double TEXT = 4.5;
    static final double GRAPHICS = 3;

    private Contrast() {
    }

    /** Each shown, enabled text and icon line of {@code root} whose contrast is below WCAG AA. */
    static List<String> problems(Node root) {
        List<String> problems = new ArrayList<>();
        check(root, problems);
        return problems;
    }

    private static void check(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0 || node.isDisabled()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                && labeled.getTextFill() instanceof Color text) {
            compare(labeled, text, TEXT, "text «" + labeled.getText() + "»", problems);
        }
        if (node instanceof Shape shape && shape.getStyleClass().stream().anyMatch(style -> style.startsWith("action-"))) {
            for (Paint paint : new Paint[] {shape.getFill(), shape.getStroke()}) {
                if (paint instanceof Color line && line.getOpacity() > 0) {
                    compare(shape, line, GRAPHICS, "icon line " + shape.getStyleClass(), problems);
                }
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> check(child, problems));
        }
    }

    private static void compare(Node node, Color shown, double least, String what, List<String> problems) {
        Color behind = background(node);
        double ratio = ratio(shown, behind);
        if (ratio < least) {
            problems.add(String.format("%s in %s: %.2f:1 (%s on %s), below %.1f:1", what, name(node), ratio, shown, behind,
                    least));
        }
    }

    /** The colour behind a node: its own and its ancestors' fills, nearest last, blended down to the first opaque one. */
    static Color background(Node node) {
        List<Color> fills = new ArrayList<>();
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Region region && region.getBackground() != null) {
                List<BackgroundFill> own = region.getBackground().getFills();
                for (int i = own.size() - 1; i >= 0; i--) {
                    if (own.get(i).getFill() instanceof Color fill && fill.getOpacity() > 0) {
                        fills.add(fill);
                    }
                }
                if (fills.stream().anyMatch(fill -> fill.getOpacity() == 1)) {
                    break;
                }
            }
        }
        Color seen = Color.WHITE;
        for (int i = fills.size() - 1; i >= 0; i--) {
            Color over = fills.get(i);
            double alpha = over.getOpacity();
            seen = Color.color(over.getRed() * alpha + seen.getRed() * (1 - alpha),
                    over.getGreen() * alpha + seen.getGreen() * (1 - alpha), over.getBlue() * alpha + seen.getBlue() * (1 - alpha));
        }
        return seen;
    }

    /** WCAG 2's contrast ratio of two colours, 1 to 21. */
    static double ratio(Color one, Color other) {
        double lighter = Math.max(luminance(one), luminance(other));
        double darker = Math.min(luminance(one), luminance(other));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static String name(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
    }
}
