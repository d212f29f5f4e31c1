package org.livenesskiosk.cli;

import java.io.IOException;

import org.livenesskiosk.capture.CaptureException;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.vision.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns a failed command into one line a person can act on, with the public error code where one
 * applies, and a non-zero exit status. The stack trace goes to the log only.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("Command failed", e);
        String message;
        if (e instanceof ModelException model) {
            message = LivenessError.MODEL_ERROR + ": " + model.getMessage() + ". Reinstall Liveness Kiosk.";
        } else if (e instanceof CaptureException || e instanceof CommandFailure || e instanceof IOException) {
            message = e.getMessage();
        } else {
            message = "Unexpected failure: " + e;
        }
        commandLine.getErr().println(message);
        return EXIT_FAILURE;
    }
}
