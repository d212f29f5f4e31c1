package org.livenesskiosk.kiosk;

import java.nio.file.Path;

/** Where the product keeps its data and its configuration by default: the platform's per-user folders. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The outbox, the session history, the embedded service's database. */
    public static Path standard() {
        return platformFolder("LOCALAPPDATA", Path.of("Library", "Application Support"), "XDG_DATA_HOME", ".local/share");
    }

    /** The kiosk's settings file, {@code kiosk.json}, lives here. */
    public static Path configuration() {
        return platformFolder("APPDATA", Path.of("Library", "Preferences"), "XDG_CONFIG_HOME", ".config");
    }

    /**
     * @param windowsVariable the variable naming the Windows folder
     * @param macFolder       the macOS folder, under the home folder
     * @param xdgVariable     the XDG base-directory variable (Linux)
     * @param xdgDefault      its default, under the home folder
     */
    private static Path platformFolder(String windowsVariable, Path macFolder, String xdgVariable, String xdgDefault) {
        String os = System.getProperty("os.name").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String folder = System.getenv(windowsVariable);
            return (folder != null ? Path.of(folder) : home).resolve("LivenessKiosk");
        }
        if (os.contains("mac")) {
            return home.resolve(macFolder).resolve("LivenessKiosk");
        }
        String folder = System.getenv(xdgVariable);
        return (folder != null && !folder.isBlank() ? Path.of(folder) : home.resolve(xdgDefault)).resolve("liveness-kiosk");
    }
}
