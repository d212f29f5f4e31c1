package org.livenesskiosk.vision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.lite.Interpreter;

/**
 * TensorFlow Lite's own runtime, with its XNNPACK kernels, for the networks that run on every frame.
 *
 * <p>Its native library ships for x86-64 Linux: the installed application has it beside its other
 * natives; a run from the jar copies it into a folder only this user can open, loads it from
 * there and deletes it. On a system it does not ship for, {@link #interpreter} answers empty and
 * the caller uses OpenCV DNN instead.
 */
final class TfLiteRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(TfLiteRuntime.class);
    private static final String LIBRARY_NAME = "tensorflowlite_jni";
    private static final String LIBRARY = "lib" + LIBRARY_NAME + ".so";
    private static final String LIBRARY_RESOURCE = "/native/lib/" + LIBRARY;

    /** Guarded by the class: null until the first interpreter is asked for. */
    private static Boolean libraryLoaded;

    private TfLiteRuntime() {
    }

    /** Whether the runtime ships for this system (and so loads). */
    static boolean available() {
        return libraryLoaded();
    }

    /**
     * An interpreter for a verified model, on one thread (the analysis thread's own), or empty when
     * the runtime does not ship for this system.
     */
    static Optional<Interpreter> interpreter(ModelFile model, byte[] verifiedBytes) {
        if (!available()) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(verifiedBytes.length).order(ByteOrder.nativeOrder());
        buffer.put(verifiedBytes).rewind();
        try {
            return Optional.of(new Interpreter(buffer, new Interpreter.Options().setNumThreads(1).setUseXNNPACK(true)));
        } catch (IllegalArgumentException e) {
            throw new ModelException(model.fileName(), "TensorFlow Lite could not load the model " + model.fileName(), e);
        }
    }

    /** Loads the native library the first time an interpreter is asked for; whether it ships here. */
    private static synchronized boolean libraryLoaded() {
        if (libraryLoaded == null) {
            libraryLoaded = loadLibrary();
        }
        return libraryLoaded;
    }

    private static boolean loadLibrary() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        if (!linuxX64) {
            LOG.info("TensorFlow Lite's runtime does not ship for {} {}: MediaPipe's networks run through OpenCV DNN",
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            return false;
        }
        try {
            // The installed application keeps it beside the other natives, on java.library.path.
            System.loadLibrary(LIBRARY_NAME);
            return true;
        } catch (UnsatisfiedLinkError notInstalled) {
            LOG.debug("TensorFlow Lite's runtime is not on java.library.path; unpacking it from the jar");
        }
        try (InputStream in = TfLiteRuntime.class.getResourceAsStream(LIBRARY_RESOURCE)) {
            if (in == null) {
                throw new ModelException(LIBRARY, "TensorFlow Lite's runtime is missing from the application");
            }
            Path folder = Files.createTempDirectory("liveness-tflite",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path library = folder.resolve(LIBRARY);
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            System.load(library.toString());
            // Linux keeps a loaded library mapped after its file is gone: nothing is left behind,
            // even by a process that is killed.
            Files.delete(library);
            Files.delete(folder);
            return true;
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new ModelException(LIBRARY, "TensorFlow Lite's runtime cannot be loaded: " + e.getMessage(), e);
        }
    }
}
