package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The liveness service as a branch runs it, in a process of its own: {@code serve} on loopback,
 * on free ports, its heap capped as an installed service's, its records in a folder, its output in
 * that folder's {@code service.log}. For figures of the process itself: its resident memory.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The service's heap, as the installed service caps it: what is resident above it is native memory. */
    public static final String SERVICE_HEAP = "-Xmx384m";
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code serve} on {@code data} and waits up to a minute until it says where it listens. */
    public static ServiceProcess start(Path data) throws IOException, InterruptedException {
        return start(data, List.of());
    }

    /**
     * As {@link #start(Path)}, with options for the service's JVM besides its heap cap: a figure that
     * must not count the heap's pages being touched for the first time asks for them all at start
     * ({@code -XX:+AlwaysPreTouch}).
     */
    public static ServiceProcess start(Path data, List<String> jvmOptions) throws IOException, InterruptedException {
        return start(data, jvmOptions, List.of());
    }

    /** As {@link #start(Path, List)}, with options for {@code serve} besides its ports and folder. */
    public static ServiceProcess start(Path data, List<String> jvmOptions, List<String> serveOptions)
            throws IOException, InterruptedException {
        Path log = data.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SERVICE_HEAP));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.livenesskiosk.cli.Main", "serve", "--port", "0",
                "--management-port", "0", "--data", data.toString()));
        command.addAll(serveOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new ServiceProcess(process, log, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroy();
        throw new IOException("The service did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** A field of the process's status in /proc, in MB (Linux): {@code VmRSS} now, {@code VmHWM} at its peak. */
    public long residentMb(String field) throws IOException {
        return new ProcessProbe(process.pid()).status(field) / 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
