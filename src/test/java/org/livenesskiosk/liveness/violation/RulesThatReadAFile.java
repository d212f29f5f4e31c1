package org.livenesskiosk.liveness.violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks {@code LIVENESS_IS_PURE} on purpose: liveness rules reading their threshold from a file. */
public final class RulesThatReadAFile {

    public double threshold(Path file) throws IOException {
        return Double.parseDouble(Files.readString(file));
    }
}
