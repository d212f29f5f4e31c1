package org.livenesskiosk.app;

import java.nio.file.Path;

/** Where the product keeps its data by default: the platform's per-user data folder. */
final class DataDirectory {

    private DataDirectory() {
    }

    static Path standard() {
        String os = System.getProperty("os.name").toLowerCase();
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return Path.of(appData != null ? appData : home, "LivenessKiosk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "LivenessKiosk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "liveness-kiosk");
    }
}
