package org.livenesskiosk.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Files that hold keys or customers' data: readable by their owner only, and never half written. */
public final class SecureFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureFiles() {
    }

    /** The random key of {@code length} bytes in {@code file}, made on first use. */
    public static byte[] key(Path file, int length) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[length];
            RANDOM.nextBytes(fresh);
            directories(file.toAbsolutePath().getParent());
            write(file, fresh);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != length) {
            throw new IOException("The key file " + file + " is damaged");
        }
        return key;
    }

    /** Writes to a temporary file, forces it to disk, then moves it in place: a crash leaves the old file or the new. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            restrictToOwner(temporary);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(file.toAbsolutePath().getParent());
    }

    /**
     * The rename survives a power cut only once the folder's new entry is on disk too. Linux syncs
     * a folder opened for reading; Windows cannot open one so, and keeps its renames in its journal.
     */
    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException cannotSyncAFolderHere) {
            // Nothing more this system offers.
        }
    }

    /**
     * Creates {@code folder} and any of its missing parents, each folder made here readable by its
     * owner only (0700); folders that already exist keep their permissions.
     */
    public static Path directories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            directories(parent);
        }
        try {
            Files.createDirectory(absolute);
            try {
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder protects it.
            }
        } catch (FileAlreadyExistsException raced) {
            // made meanwhile by another thread or process
        }
        return folder;
    }

    /**
     * Makes {@code file} readable by its owner only, creating it empty when it does not exist: a
     * database file made this way before SQLite opens it gives its journal and WAL files the same
     * permissions.
     */
    public static void ownerOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            directories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile
            }
        }
        restrictToOwner(file);
    }

    /** Makes {@code file} readable by its owner only when it exists. */
    public static void ownerOnlyIfExists(Path file) throws IOException {
        if (Files.exists(file)) {
            restrictToOwner(file);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions protect it.
        }
    }
}
