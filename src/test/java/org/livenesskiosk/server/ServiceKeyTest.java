package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet node's key from a file or the environment: exactly the key, owner-only, the same for every node. */
class ServiceKeyTest {

    @TempDir
    Path folder;

    @Test
    void theSameKeyFromAFileOrTheEnvironmentOpensTheSameBox() throws Exception {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path file = folder.resolve("service.key");
        Files.write(file, key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        SecretBox fromFile = SecretBox.fromFile(file);
        SecretBox fromEnvironment = SecretBox.fromBase64(Base64.getEncoder().encodeToString(key));
        byte[] sealed = fromFile.encrypt(new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, fromEnvironment.decrypt(sealed));
        assertArrayEquals(fromFile.sign(new byte[] {4}), fromEnvironment.sign(new byte[] {4}));
    }

    @Test
    void aKeyOthersCanReadAWrongLengthOrNoFileIsRefused() throws Exception {
        Path file = folder.resolve("service.key");
        Files.write(file, new byte[SecretBox.KEY_BYTES]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(assertThrows(IOException.class, () -> SecretBox.fromFile(file)).getMessage().contains("chmod 600"));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, new byte[SecretBox.KEY_BYTES - 1]);
        assertThrows(IOException.class, () -> SecretBox.fromFile(file));
        assertThrows(IOException.class, () -> SecretBox.fromFile(folder.resolve("missing.key")));
        assertThrows(IOException.class, () -> SecretBox.fromBase64("not base64!"));
        assertThrows(IOException.class, () -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
    }
}
