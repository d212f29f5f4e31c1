package org.livenesskiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;

/**
 * What a person would see wrong on the screen shown now: text cut short (an ellipsis), text wider
 * or taller than its label, lines that repeat or lose words, a control partly outside the window,
 * two controls on top of each other, an empty table showing JavaFX's own English "No content in
 * table". Only the top layer counts: an overlay (the PIN, the console)
 * covers the screen under it on purpose. Content inside a scroll pane is judged by what shows in
 * its viewport, and may go below it (it scrolls); never beside it (there is no sideways scrolling).
 */
final class LayoutCheck {

    /** Half a pixel: layout rounds to whole pixels, text measures in fractions. */
    private static final double SLACK = 0.5;

    private LayoutCheck() {
    }

    /** A control seen on screen, with the part of it a viewport lets through. */
    private record Shown(Node node, Bounds bounds, Bounds viewport, Bounds visible, boolean scrolled) {
    }

    static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        collect(topLayer(scene.getRoot()), window, false, shown, problems);
        for (Shown control : shown) {
            checkText(control.node(), problems);
            if (control.node() instanceof TableView<?> table && table.getItems().isEmpty() && table.getPlaceholder() == null) {
                problems.add(name(table) + " is empty and shows JavaFX's untranslated «No content in table»");
            }
            Bounds bounds = control.bounds();
            if (!control.scrolled() && !inside(bounds, window)) {
                problems.add(name(control.node()) + " lies partly outside the window: " + bounds);
            }
            if (control.scrolled() && (bounds.getMinX() < control.viewport().getMinX() - SLACK
                    || bounds.getMaxX() > control.viewport().getMaxX() + SLACK)) {
                problems.add(name(control.node()) + " is wider than the place it scrolls in: " + bounds);
            }
        }
        for (int first = 0; first < shown.size(); first++) {
            for (int second = first + 1; second < shown.size(); second++) {
                Bounds one = shown.get(first).visible();
                Bounds other = shown.get(second).visible();
                if (one != null && other != null && overlap(one, other) > 1) {
                    problems.add(name(shown.get(first).node()) + " overlaps " + name(shown.get(second).node()));
                }
            }
        }
        return problems;
    }

    /** The overlay when one is shown (it covers the screen on purpose), else the whole scene. */
    private static Node topLayer(Parent root) {
        return root.getChildrenUnmodifiable().stream()
                .filter(child -> child.isVisible() && child.getStyleClass().contains("dim")).findFirst()
                .map(Node.class::cast).orElse(root);
    }

    private static void collect(Node node, Bounds viewport, boolean scrolled, List<Shown> shown, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (isLeaf(node)) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            if (bounds.getWidth() > 0 && bounds.getHeight() > 0) {
                shown.add(new Shown(node, bounds, viewport, intersection(bounds, viewport), scrolled));
            }
            return;
        }
        if (node instanceof ScrollPane scrollPane) {
            if (scrollPane.getContent() != null) {
                Bounds port = scrollPane.localToScene(scrollPane.getLayoutBounds());
                if (scrollPane.getContent().getLayoutBounds().getWidth() > scrollPane.getViewportBounds().getWidth() + SLACK) {
                    problems.add("the content of " + name(scrollPane) + " is wider than it: it would need sideways scrolling");
                }
                Bounds seen = intersection(port, viewport);
                collect(scrollPane.getContent(), seen == null ? port : seen, true, shown, problems);
            }
            return;
        }
        if (node instanceof TabPane tabs) {
            tabs.lookupAll(".tab-label").forEach(label -> collect(label, viewport, scrolled, shown, problems));
            Optional.ofNullable(tabs.getSelectionModel().getSelectedItem()).map(tab -> tab.getContent())
                    .ifPresent(content -> collect(content, viewport, scrolled, shown, problems));
            return;
        }
        if (node instanceof Parent parent && !(node instanceof Control)) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, viewport, scrolled, shown, problems));
        }
    }

    private static boolean isLeaf(Node node) {
        return node instanceof Labeled || node instanceof TextInputControl || node instanceof ProgressBar
                || node instanceof ProgressIndicator || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?>
                || node instanceof Spinner<?> || node instanceof TableView<?> || node instanceof ImageView;
    }

    private static void checkText(Node node, List<String> problems) {
        if (!(node instanceof Labeled labeled) || labeled.getText() == null || labeled.getText().isEmpty()) {
            return;
        }
        Bounds box = labeled.localToScene(labeled.getLayoutBounds());
        if (labeled instanceof FlowingLabel flowing) {
            double width = box.getWidth() - flowing.snappedLeftInset() - flowing.snappedRightInset();
            double height = 0;
            StringBuilder drawn = new StringBuilder();
            for (Text line : flowing.drawnLines()) {
                if (line.getLayoutBounds().getWidth() > width + SLACK) {
                    problems.add(name(node) + " has a line wider (" + Math.round(line.getLayoutBounds().getWidth())
                            + " px) than its label (" + Math.round(width) + " px): «" + line.getText() + "»");
                }
                height += line.getLayoutBounds().getHeight();
                drawn.append(line.getText());
            }
            if (height > box.getHeight() + SLACK) {
                problems.add(name(node) + " is cut at the bottom: its lines need " + Math.round(height) + " px of "
                        + Math.round(box.getHeight()));
            }
            if (!drawn.toString().replaceAll("\\s", "").equals(labeled.getText().replaceAll("\\s", ""))) {
                problems.add(name(node) + " draws other words than its text: «" + drawn + "»");
            }
            return;
        }
        Optional<Text> text = labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                .map(Text.class::cast).findFirst();
        if (text.isEmpty()) {
            return;
        }
        if (!text.get().getText().equals(labeled.getText())) {
            problems.add(name(node) + " is cut short: «" + text.get().getText() + "» of «" + labeled.getText() + "»");
        }
        Bounds drawn = text.get().localToScene(text.get().getLayoutBounds());
        if (!inside(drawn, box)) {
            problems.add(name(node) + "'s text runs outside it: «" + labeled.getText() + "»");
        }
    }

    private static Bounds intersection(Bounds one, Bounds other) {
        double left = Math.max(one.getMinX(), other.getMinX());
        double top = Math.max(one.getMinY(), other.getMinY());
        double right = Math.min(one.getMaxX(), other.getMaxX());
        double bottom = Math.min(one.getMaxY(), other.getMaxY());
        return right <= left || bottom <= top ? null : new BoundingBox(left, top, right - left, bottom - top);
    }

    private static double overlap(Bounds one, Bounds other) {
        Bounds both = intersection(one, other);
        return both == null ? 0 : both.getWidth() * both.getHeight();
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - SLACK && inner.getMinY() >= outer.getMinY() - SLACK
                && inner.getMaxX() <= outer.getMaxX() + SLACK && inner.getMaxY() <= outer.getMaxY() + SLACK;
    }

    private static String name(Node node) {
        String text = node instanceof Labeled labeled && labeled.getText() != null ? " «" + shorten(labeled.getText()) + "»" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
