package org.livenesskiosk.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Loads the vision models and refuses any whose SHA-256 differs from the digest pinned in the
 * repository ({@code resources/models/SHA256SUMS}, packed into the jar beside the models).
 *
 * <p>Models come from the jar, or from a directory when one is given (an installation may keep
 * them beside the launcher); either way the pinned digests decide.
 */
public final class Models {

    private static final String CLASSPATH_DIR = "/models/";

    /**
     * OpenCV's importers fill their process-wide table of layer types the first time they run, and
     * two threads importing at once can see it half filled ("Unsupported operator type MAX_POOL_2D",
     * seen when a service warmed its analyser up while a second one loaded): one import at a time.
     * Only the parse is serialised; the networks then run in parallel.
     */
    private static final Object IMPORT_LOCK = new Object();

    private final Optional<Path> directory;
    private final Map<String, String> pinnedDigests;

    private Models(Optional<Path> directory) {
        this.directory = directory;
        this.pinnedDigests = readPinnedDigests();
    }

    /** Models packed into the application jar. */
    public static Models fromClasspath() {
        return new Models(Optional.empty());
    }

    /** Models in a directory, checked against the digests pinned in the jar. */
    public static Models fromDirectory(Path directory) {
        return new Models(Optional.of(directory));
    }

    /** Reads, verifies and loads one model into an OpenCV DNN network. */
    public Net load(ModelFile model) {
        byte[] bytes = verifiedBytes(model);
        try (BytePointer buffer = new BytePointer(bytes)) {
            Net net;
            synchronized (IMPORT_LOCK) {
                net = model.fileName().endsWith(".onnx") ? opencv_dnn.readNetFromONNX(buffer, bytes.length)
                        : opencv_dnn.readNetFromTFLite(buffer, bytes.length);
            }
            if (net.empty()) {
                throw new ModelException(model.fileName(), "OpenCV could not load the model " + model.fileName());
            }
            return net;
        } catch (RuntimeException e) {
            if (e instanceof ModelException modelException) {
                throw modelException;
            }
            throw new ModelException(model.fileName(), "OpenCV could not load the model " + model.fileName(), e);
        }
    }

    /** The model's bytes, after checking that they are exactly the pinned file. */
    public byte[] verifiedBytes(ModelFile model) {
        String name = model.fileName();
        byte[] bytes = read(name);
        String expected = pinnedDigests.get(name);
        if (expected == null) {
            throw new ModelException(name, "No digest is pinned for the model " + name);
        }
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new ModelException(name, "The model " + name + " has been altered or is corrupt (SHA-256 "
                    + actual + ", expected " + expected + ")");
        }
        return bytes;
    }

    private byte[] read(String name) {
        try {
            if (directory.isPresent()) {
                return Files.readAllBytes(directory.get().resolve(name));
            }
            try (InputStream in = Models.class.getResourceAsStream(CLASSPATH_DIR + name)) {
                if (in == null) {
                    throw new ModelException(name, "The model " + name + " is missing from the application");
                }
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new ModelException(name, "The model " + name + " is missing from " + directory.orElseThrow());
        } catch (IOException e) {
            throw new ModelException(name, "The model " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readPinnedDigests() {
        try (InputStream in = Models.class.getResourceAsStream(CLASSPATH_DIR + "SHA256SUMS")) {
            if (in == null) {
                throw new ModelException("SHA256SUMS", "The list of model digests is missing from the application");
            }
            Map<String, String> digests = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\R")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2) {
                    digests.put(fields[1], fields[0]);
                }
            }
            return digests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
