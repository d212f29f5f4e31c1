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

    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        // Looked up only now: logging starts in a second of XML parsing, which --version and a usage error need not wait for.
        Logger log = LoggerFactory.getLogger(ErrorReporter.class);
        log.debug("Command failed", e);
        String message;
        if (e instanceof ModelException model) {
            message = LivenessError.MODEL_ERROR + ": " + model.getMessage() + ". Reinstall Liveness Kiosk.";
        } else if (e instanceof CaptureException || e instanceof CommandFailure || e instanceof IOException) {
            message = e.getMessage();
        } else {
            // The exception's class means nothing to an operator; where it came from goes to the log.
            message = "Unexpected failure" + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (LOG_LEVEL=DEBUG logs where it happened)";
        }
        commandLine.getErr().println(message);
        return EXIT_FAILURE;
    }

    /**
     * A command line that names a wrong option or value: the one line that says which and what is
     * allowed, and where the rest is told, rather than a screenful of help that hides that line.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println(e.getMessage() + " (see `" + commandLine.getCommandSpec().qualifiedName() + " --help`)");
        return EXIT_USAGE;
    }
}
