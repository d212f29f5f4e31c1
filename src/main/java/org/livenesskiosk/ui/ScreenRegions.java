package org.livenesskiosk.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The regions a customer's screen is made of, which cannot overlap: its content, which scrolls
 * down (never sideways) when a small screen or larger text needs it, and its footer with the
 * buttons, always in view.
 */
final class ScreenRegions {

    private ScreenRegions() {
    }

    /** Lays {@code screen} out as its content above its footer. */
    static void contentAndFooter(BorderPane screen, VBox content, HBox footer) {
        content.setAlignment(Pos.TOP_CENTER);
        content.setPadding(new Insets(20, 48, 20, 48));
        ScrollPane scrolled = new ScrollPane(content);
        scrolled.setFitToWidth(true);
        scrolled.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scrolled.getStyleClass().add("screen-content");
        footer.getStyleClass().add("footer");
        screen.setCenter(scrolled);
        screen.setBottom(footer);
    }

    /** A footer of the given nodes, centred. */
    static HBox footer(Node... nodes) {
        HBox footer = new HBox(24, nodes);
        footer.setAlignment(Pos.CENTER);
        return footer;
    }
}
