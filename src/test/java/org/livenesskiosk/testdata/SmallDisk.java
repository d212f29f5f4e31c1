package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system for the disk-full tests: a tmpfs mounted on a folder (root only), that
 * a test fills up to a few bytes and turns read-only, as a kiosk's or a service's data disk would
 * be. Where nothing can be mounted (not root, no tmpfs) the test is skipped with the reason, and
 * fails under CI, which runs as root.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path folder;
    private final Path filler;

    private SmallDisk(Path folder) {
        this.folder = folder;
        this.filler = folder.resolve("filler");
    }

    /** A tmpfs of {@code megabytes} MB mounted on {@code folder} (made when missing). */
    public static SmallDisk mount(Path folder, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String problem;
        try {
            problem = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=700", "tmpfs", folder.toString());
        } catch (IOException noMountCommand) {
            problem = noMountCommand.getMessage();
        }
        if (!problem.isEmpty()) {
            String reason = "a small file system cannot be mounted here (tmpfs needs root): " + problem;
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Fills the disk with one file until only {@code leftBytes} (give or take a page) are free. */
    public void fillLeaving(long leftBytes) throws IOException {
        long toWrite = Files.getFileStore(folder).getUsableSpace() - leftBytes;
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, toWrite - written));
            }
        }
    }

    /** Makes the disk's top folder {@code user}'s, for a server that runs as that user (PostgreSQL's tablespace). */
    public void giveTo(String user) throws IOException, InterruptedException {
        String problem = run("chown", user + ":" + user, folder.toString());
        if (!problem.isEmpty()) {
            throw new IOException("chown " + folder + ": " + problem);
        }
    }

    /** Space returns: the filler goes. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Remounts the disk read-only (or writable again), its files as they are. */
    public void readOnly(boolean readOnly) throws IOException, InterruptedException {
        String problem = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), folder.toString());
        if (!problem.isEmpty()) {
            throw new IOException("remount " + folder + ": " + problem);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Lazily: a service or kiosk that did not close a file in time must not leave the mount behind.
        String problem = run("umount", "-l", folder.toString());
        if (!problem.isEmpty()) {
            throw new IOException("umount " + folder + ": " + problem);
        }
    }

    /** Runs a command; what it said when it failed, or "" when it succeeded. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not end in 30 s";
        }
        String said = new String(process.getInputStream().readAllBytes()).trim();
        return process.exitValue() == 0 ? "" : said.isEmpty() ? "exit status " + process.exitValue() : said;
    }
}
