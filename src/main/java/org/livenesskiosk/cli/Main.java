package org.livenesskiosk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The entry point of every command. */
@Command(name = "liveness-kiosk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Face-liveness kiosk: proves that a live person stands in front of the camera.",
        subcommands = {KioskCommand.class, AnalyzeCommand.class, DetectCommand.class, CamerasCommand.class, ServeCommand.class, AccountsCommand.class, ResultCommand.class,
            BenchCommand.class, LoadTestCommand.class})
public final class Main {

    /** Without a command, the kiosk starts: what an installed kiosk's launcher does every morning. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"kiosk"} : args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(ErrorReporter::usageError);
        // --codes ios, --level easy: options are typed as people type them.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
