package org.livenesskiosk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.livenesskiosk.vision.ModelFile;

/** A folder holding copies of the packed models, to alter or remove one in a test. */
final class ModelFiles {

    private ModelFiles() {
    }

    static Path copyAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (ModelFile model : ModelFile.values()) {
            try (InputStream in = ModelFiles.class.getResourceAsStream("/models/" + model.fileName())) {
                Files.copy(in, folder.resolve(model.fileName()));
            }
        }
        return folder;
    }
}
