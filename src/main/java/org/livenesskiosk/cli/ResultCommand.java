package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.livenesskiosk.kiosk.DataDirectory;
import org.livenesskiosk.service.LatestResult;

import com.google.gson.Gson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints this kiosk's latest result: its code, and its livenessId or that the upload is still pending. */
@Command(name = "result", mixinStandardHelpOptions = true,
        description = "Prints the latest session's result as one JSON object: code, livenessId or pendingUpload.")
final class ResultCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "This kiosk's data folder (default: the platform's data folder).")
    private Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        Optional<LatestResult> latest = LatestResult.read(dataDirectory != null ? dataDirectory : DataDirectory.standard());
        PrintWriter out = spec.commandLine().getOut();
        if (latest.isEmpty()) {
            spec.commandLine().getErr().println("No session has run on this kiosk yet");
            return ErrorReporter.EXIT_FAILURE;
        }
        out.println(new Gson().toJson(latest.get()));
        out.flush();
        return 0;
    }
}
