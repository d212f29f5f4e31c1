package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.livenesskiosk.capture.FrameSources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the cameras each driver sees, with the resolutions they offer. */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "Lists the cameras OpenCV and the webcam driver see, named as --source takes them, with their resolutions.")
final class CamerasCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> cameras = FrameSources.describeCameras();
        if (cameras.isEmpty()) {
            out.println("No camera found. Attach one, and check that no other program is using it.");
        }
        cameras.forEach(out::println);
        out.flush();
        return 0;
    }
}
