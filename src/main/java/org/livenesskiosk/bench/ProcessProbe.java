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
import java.util.stream.Stream;

/**
 * What a Java process on this machine holds, read from outside it as an operator would (Linux):
 * its resident memory, threads and open files from {@code /proc}, and through {@code jcmd} its heap
 * after a full collection and its native memory as the JVM tracks it (only when the process was
 * started with {@code -XX:NativeMemoryTracking=summary}; otherwise that figure is -1).
 */
public final class ProcessProbe {

    /**
     * @param residentMb     {@code VmRSS}: what the operating system counts against the process
     * @param nativeMb       the JVM's own committed total under native memory tracking (heap included), -1 without it
     * @param heapAfterGcMb  the heap still used after a full collection: what the objects kept alive take
     */
    public record Figures(long residentMb, long nativeMb, long heapAfterGcMb, int threads, int openFiles) {
    }

    private static final Pattern NMT_COMMITTED = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long JCMD_SECONDS = 60;

    private final long pid;

    public ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** The figures now; the process's heap is collected first, which pauses it for a moment. */
    public Figures measure() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd("GC.heap_info"));
        Matcher nativeMemory = NMT_COMMITTED.matcher(jcmd("VM.native_memory", "summary"));
        return new Figures(status("VmRSS") / 1024, nativeMemory.find() ? Long.parseLong(nativeMemory.group(1)) / 1024 : -1,
                heap.find() ? Long.parseLong(heap.group(1)) / 1024 : -1, (int) status("Threads"), openFiles());
    }

    /** A field of the process's status in /proc, as a number: kB for the memory fields. */
    long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + field);
    }

    private int openFiles() throws IOException {
        try (Stream<Path> open = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return (int) open.count();
        }
    }

    /** The JDK's own jcmd, beside the java running this, attached to the process. */
    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not answer in " + JCMD_SECONDS + " s");
        }
        return output;
    }
}
