package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.livenesskiosk.crypto.SecureFiles;
import org.livenesskiosk.ui.KioskSettings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The operator's settings in {@code kiosk.json}, readable by the kiosk's user only (it holds the
 * service's keys). A setting the file lacks — one added by a newer version — takes its default,
 * so an upgrade keeps every choice made before.
 */
public final class SettingsFile {

    public static final String NAME = "kiosk.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    static SettingsFile in(Path configurationDirectory) {
        return new SettingsFile(configurationDirectory.resolve(NAME));
    }

    public KioskSettings read() throws IOException {
        JsonObject merged = GSON.toJsonTree(KioskSettings.defaults()).getAsJsonObject();
        if (Files.exists(file)) {
            try {
                for (Map.Entry<String, JsonElement> setting : JsonParser.parseString(Files.readString(file)).getAsJsonObject()
                        .entrySet()) {
                    merged.add(setting.getKey(), setting.getValue());
                }
                return GSON.fromJson(merged, KioskSettings.class);
            } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                throw new IOException("The kiosk settings in " + file + " are damaged (" + e.getMessage()
                        + "): correct or delete the file", e);
            }
        }
        return GSON.fromJson(merged, KioskSettings.class);
    }

    void write(KioskSettings settings) throws IOException {
        SecureFiles.directories(file.toAbsolutePath().getParent());
        SecureFiles.write(file, GSON.toJson(settings).getBytes(StandardCharsets.UTF_8));
    }

    Path path() {
        return file;
    }
}
