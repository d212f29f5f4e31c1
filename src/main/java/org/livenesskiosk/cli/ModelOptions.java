package org.livenesskiosk.cli;

import java.nio.file.Path;

import org.livenesskiosk.vision.Models;

import picocli.CommandLine.Option;

/** Where the vision models come from: the jar, unless an installation keeps them elsewhere. */
final class ModelOptions {

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder holding the vision models (default: those inside the application). Each is checked against its pinned SHA-256.")
    private Path directory;

    Models models() {
        return directory == null ? Models.fromClasspath() : Models.fromDirectory(directory);
    }
}
