package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.Language;

/** The operator's settings survive an upgrade, hold their keys privately, and a damaged file says so. */
class SettingsFileTest {

    @TempDir
    Path folder;

    @Test
    void aNewKioskStartsFromTheDefaults() throws IOException {
        assertEquals(KioskSettings.defaults(), SettingsFile.in(folder).read());
    }

    @Test
    void settingsAnOlderVersionDidNotKnowTakeTheirDefaultsAndTheRestIsKept() throws IOException {
        Files.writeString(folder.resolve("kiosk.json"),
                "{\"serviceUrl\":\"https://liveness.bank.example\",\"languages\":[\"THAI\",\"ENGLISH\"],\"actions\":[\"NOD\"]}");

        KioskSettings settings = SettingsFile.in(folder).read();

        assertEquals("https://liveness.bank.example", settings.serviceUrl());
        assertEquals(List.of(Language.THAI, Language.ENGLISH), settings.languages());
        assertEquals(List.of(ActionType.NOD), settings.actions());
        assertEquals(KioskSettings.defaults().idleSeconds(), settings.idleSeconds());
        assertEquals(KioskSettings.defaults().source(), settings.source());
    }

    @Test
    void savedSettingsAreReadBackAndOnlyTheirOwnerCanReadThem() throws IOException {
        SettingsFile file = SettingsFile.in(folder.resolve("config"));
        KioskSettings chosen = KioskSettings.defaults().withPinHash("pbkdf2-sha256$1$c2FsdA==$aGFzaA==").withIdleSeconds(45);

        file.write(chosen);

        assertEquals(chosen, file.read());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    void aDamagedFileNamesItselfAndWhatToDo() throws IOException {
        Files.writeString(folder.resolve("kiosk.json"), "{\"languages\": [\"KLINGON\"");

        IOException failure = assertThrows(IOException.class, () -> SettingsFile.in(folder).read());

        assertTrue(failure.getMessage().contains(folder.resolve("kiosk.json").toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("correct or delete"), failure.getMessage());
    }
}
