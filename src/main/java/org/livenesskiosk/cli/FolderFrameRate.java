package org.livenesskiosk.cli;

import picocli.CommandLine.Option;

/** The frame rate of a folder of still frames, which unlike a clip or a camera has none of its own. */
final class FolderFrameRate {

    @Option(names = "--fps", defaultValue = "25", paramLabel = "N", converter = OptionValues.Positive.class,
            description = "Frame rate of a folder of frames (clips and cameras have their own). Default: ${DEFAULT-VALUE}.")
    private double framesPerSecond;

    double framesPerSecond() {
        return framesPerSecond;
    }
}
