package org.livenesskiosk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

import org.livenesskiosk.kiosk.DataDirectory;
import org.livenesskiosk.kiosk.InstanceLock;
import org.livenesskiosk.kiosk.Kiosk;
import org.livenesskiosk.kiosk.SettingsFile;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.KioskWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The kiosk: full screen, for customers, with the operator console behind a PIN. The default command. */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"Runs the kiosk, full screen (the default command).",
            "The operator console opens with Ctrl+Alt+O, or a finger held 3 s on the screen's top-left corner, and the "
                + "operator PIN (chosen at its first opening)."})
final class KioskCommand implements Callable<Integer> {

    /**
     * A kiosk already runs on this data folder: a status of its own, so that the systemd unit does not
     * start the refused one again and again ({@code RestartPreventExitStatus}).
     */
    static final int EXIT_ALREADY_RUNNING = 3;
    /**
     * JavaFX warns on every start that it was loaded from the class path, not as modules: how the
     * product ships, jar and installed package alike; a note for JavaFX's developers, not for an
     * operator. Held, since java.util.logging forgets the level of a logger no one holds; made only
     * when the kiosk runs, since every command line makes this command's object.
     */
    private java.util.logging.Logger javafxLog;

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", paramLabel = "SOURCE", converter = OptionValues.Source.class,
            description = "Use this camera or recorded clip instead of the camera in the settings: camera:N, webcam:NAME, a clip (.avi, .mp4, "
                    + ".mov, .webm).")
    private String source;

    @Option(names = "--windowed", description = "An ordinary window instead of full screen, for development.")
    private boolean windowed;

    @Option(names = "--distance", defaultValue = "40-80", paramLabel = "MIN-MAX", converter = OptionValues.DistanceRange.Converter.class,
            description = "Expected distance from the camera in cm. Default: ${DEFAULT-VALUE}.")
    private OptionValues.DistanceRange distance;

    @Option(names = "--far-near", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
            description = "The embedded service's challenge begins with the far/near stage, or not (a recording made "
                    + "without it is replayed with off). Default: the challenge's (on). A standalone service's account decides.")
    private OnOff farNear;

    @Option(names = "--actions", split = ",", paramLabel = "ACTION",
            description = "The embedded service's challenge asks for these actions, in order: ${COMPLETION-CANDIDATES} "
                    + "(a recorded clip answers only the ones it shows). Default: the console's, or the SDK's. A standalone "
                    + "service's account decides.")
    private List<ActionType> actions;

    @Option(names = "--light", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
            description = "End each session with the light step, the screen showing the service's colours (off: never flash, "
                    + "for a photosensitive public; the service then leaves such sessions to a person unless the account "
                    + "verifies them). Default: on for a camera, off for a recorded clip, which cannot answer the colours.")
    private OnOff light;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The kiosk's settings (default: kiosk.json in the platform's configuration folder).")
    private Path config;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private ServiceOptions serviceOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try (InstanceLock kiosk = InstanceLock.acquire(serviceOptions.dataDirectory(), "kiosk")) {
            return run();
        } catch (InstanceLock.HeldElsewhere e) {
            spec.commandLine().getErr().println(LivenessError.ALREADY_INIT + ": " + e.getMessage());
            return EXIT_ALREADY_RUNNING;
        }
    }

    private int run() throws IOException, InterruptedException {
        serviceOptions.validate(spec.commandLine());
        if (serviceOptions.serverUrl != null) {
            if (farNear != null || actions != null) {
                throw new ParameterException(spec.commandLine(), "The standalone service decides the challenge: "
                        + "--far-near and --actions are for the embedded service (set the account's with accounts settings)");
            }
        }
        SettingsFile settingsFile = new SettingsFile(config != null ? config : DataDirectory.configuration().resolve(SettingsFile.NAME));
        KioskSettings read = settingsFile.read();
        // A code on the command line enrols the kiosk with the service of its settings too (kept for this run only).
        KioskSettings settings = serviceOptions.enrollmentCode == null ? read : read.withEnrollmentCode(serviceOptions.enrollmentCode);
        // The kiosk's key pair and enrollments live beside its settings file.
        Path identity = (config != null ? config.toAbsolutePath().getParent() : DataDirectory.configuration());
        Kiosk.Overrides overrides = new Kiosk.Overrides(Optional.ofNullable(source),
                Optional.ofNullable(serviceOptions.serverUrl).map(url -> serviceOptions.connection(identity)),
                distance.asArray(), Optional.ofNullable(farNear).map(OnOff::on), Optional.ofNullable(actions),
                Optional.ofNullable(light).map(OnOff::on));
        // An all-day kiosk's unexpected failures belong in its log (the journal under systemd), not lost on a console.
        Logger log = LoggerFactory.getLogger(KioskCommand.class);
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> log.error("Unexpected failure on {}", thread.getName(), failure));
        CountDownLatch left = new CountDownLatch(1);
        // The kiosk opens its history while the window's toolkit starts: together they are most of the start.
        CompletableFuture<Kiosk> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return new Kiosk(settingsFile, settings, serviceOptions.dataDirectory(), modelOptions.models(), overrides);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        javafxLog = java.util.logging.Logger.getLogger("javafx");
        javafxLog.setLevel(Level.SEVERE);
        try {
            Platform.startup(() -> { });
        } catch (UnsupportedOperationException e) {
            opening.thenAccept(Kiosk::close);
            throw new CommandFailure("No display to show the kiosk on (" + e.getMessage()
                    + "): run it in the kiosk user's desktop session, or under Xvfb (xvfb-run) to try it", e);
        }
        try (Kiosk kiosk = opened(opening)) {
            kiosk.prepare();
            Platform.runLater(() -> new KioskWindow(new Stage(), kiosk, !windowed, left::countDown).show());
            left.await();
        } finally {
            Platform.exit();
        }
        return 0;
    }

    private static Kiosk opened(CompletableFuture<Kiosk> opening) throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            throw e;
        }
    }
}
