package org.livenesskiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.server.Accounts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Creates and manages the service's accounts, their keys and application ids. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Creates and manages the liveness service's accounts, keys and application ids.")
final class AccountsCommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceStorageOptions storage;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an account; prints its keys once.")
    int create(@Option(names = "--name", required = true, paramLabel = "NAME") String name,
               @Option(names = "--market", required = true, paramLabel = "MARKET", description = "e.g. ID, VN, TH") String market)
            throws Exception {
        Accounts.Created created = accounts().create(name, market);
        spec.commandLine().getOut().printf("accessKey %s%nsecretKey %s%nmarket    %s%n"
                + "Keep the secret key safe: it is not shown again.%n", created.accessKey(), created.secretKey(), created.market());
        return 0;
    }

    @Command(name = "add-application", mixinStandardHelpOptions = true, description = "Registers a kiosk application id.")
    int addApplication(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                       @Option(names = "--application-id", required = true, paramLabel = "ID") String applicationId) throws Exception {
        accounts().addApplication(accessKey, applicationId);
        return 0;
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = {"Sets the challenge the account's kiosks ask of customers, from their next authorization on, and the "
                    + "similarity from which its document faces match.", "Every option left out takes its default again."})
    int settings(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                 @Option(names = "--actions", split = ",", paramLabel = "ACTION",
                         description = "The actions to ask for, in order: ${COMPLETION-CANDIDATES}. Default: the SDK's, two of BLINK, "
                                 + "MOUTH, POS_YAW at random, a head turn last.") List<ActionType> actions,
                 @Option(names = "--shuffle", description = "Every one of the --actions, in an order drawn at random.") boolean shuffle,
                 @Option(names = "--action-timeout", defaultValue = "10", paramLabel = "SECONDS",
                         converter = OptionValues.Positive.class) double actionSeconds,
                 @Option(names = "--prepare-timeout", defaultValue = "10", paramLabel = "SECONDS",
                         converter = OptionValues.Positive.class) double prepareSeconds,
                 @Option(names = "--level", defaultValue = "NORMAL", paramLabel = "LEVEL",
                         description = "${COMPLETION-CANDIDATES}") DetectionLevel level,
                 @Option(names = "--result-size", defaultValue = "600", paramLabel = "PIXELS", converter = OptionValues.ResultSize.class,
                         description = "The side of the square best image, 300 to 1000. Default: ${DEFAULT-VALUE}.") int resultSize,
                 @Option(names = "--far-near", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
                         description = "Begin with the far/near stage (default: on).") OnOff farNear,
                 @Option(names = "--far-near-timeout", defaultValue = "50", paramLabel = "SECONDS", converter = OptionValues.FarNearSeconds.class,
                         description = "The far/near stage's time limit, 10 to 60 (default: ${DEFAULT-VALUE}).") double farNearSeconds,
                 @Option(names = "--light", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
                         description = "End with the light step: the kiosk's screen shows colours drawn for the customer, and the face "
                                 + "must answer them (default: on).") OnOff light,
                 @Option(names = "--unlit-sessions", defaultValue = "manual-check", paramLabel = "manual-check|verified",
                         converter = UnlitSessions.Converter.class,
                         description = "A session whose screen showed no colours (a kiosk that never flashes, for a photosensitive "
                                 + "customer) is left to a person, or judged on its other checks. Default: ${DEFAULT-VALUE}.")
                 UnlitSessions unlit,
                 @Option(names = "--match-threshold", defaultValue = "60", paramLabel = "SIMILARITY",
                         converter = OptionValues.MatchThreshold.class,
                         description = "The similarity, 50 to 80, from which face/v1/compare answers that a document's face is the "
                                 + "session's (default: ${DEFAULT-VALUE}, the measured one). Higher takes fewer strangers for the "
                                 + "customer and turns more customers away: the rates at each are in docs/measurements.md, "
                                 + "\"The document face match\".") int matchThreshold)
            throws Exception {
        ChallengeSettings settings = new ChallengeSettings(actions == null ? List.of() : actions.stream().map(ActionType::name)
                .toList(), shuffle, Math.round(actionSeconds * 1000), Math.round(prepareSeconds * 1000), level.name(),
                resultSize, farNear == null || farNear.on(), Math.round(farNearSeconds * 1000), light == null || light.on(),
                unlit == UnlitSessions.VERIFIED);
        accounts().setSettings(accessKey, settings, matchThreshold);
        return 0;
    }

    /** What becomes of a session whose screen showed no colours. */
    enum UnlitSessions {
        MANUAL_CHECK,
        VERIFIED;

        /** Reads {@code manual-check} or {@code verified}. */
        static final class Converter implements picocli.CommandLine.ITypeConverter<UnlitSessions> {
            @Override
            public UnlitSessions convert(String value) {
                return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                    case "manual-check" -> MANUAL_CHECK;
                    case "verified" -> VERIFIED;
                    default -> throw new picocli.CommandLine.TypeConversionException("expected manual-check or verified, not '"
                            + value + "'");
                };
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stops an account from using liveness detection.")
    int disable(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey) throws Exception {
        accounts().setEnabled(accessKey, false);
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled account use liveness detection again.")
    int enable(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey) throws Exception {
        accounts().setEnabled(accessKey, true);
        return 0;
    }

    @Command(name = "enroll-device", mixinStandardHelpOptions = true,
            description = {"Makes a one-time code that enrols one new kiosk in the account; prints it once.",
                "The operator types it into the kiosk's console (or gives it with --enrollment-code). It serves once, within 24 h."})
    int enrollDevice(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                     @Option(names = "--branch", paramLabel = "NAME", description = "The branch the kiosk stands in, for the fleet page.")
                     String branch) throws Exception {
        Accounts.Enrollment enrollment = accounts().enrollDevice(accessKey, Optional.ofNullable(branch));
        spec.commandLine().getOut().printf("enrollmentCode %s%nexpires        %s%n", enrollment.code(), enrollment.expiresAt());
        return 0;
    }

    @Command(name = "devices", mixinStandardHelpOptions = true,
            description = {"Lists the account's kiosks (id, enrolled at, last seen, revoked at), or revokes one.",
                "A revoked kiosk is refused from its next request on, whatever ticket it holds."})
    int devices(@Option(names = "--access-key", paramLabel = "KEY", description = "List this account's kiosks.") String accessKey,
                @Option(names = "--revoke", paramLabel = "ID", description = "Revoke this kiosk.") String revoke) throws Exception {
        if ((accessKey == null) == (revoke == null)) {
            throw new ParameterException(spec.commandLine(), "devices takes --access-key KEY to list, or --revoke ID");
        }
        if (revoke != null) {
            return changed(accounts -> accounts.revokeDevice(revoke), "revoked " + revoke);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s  %-24s  %-24s  %s%n", "id", "enrolledAt", "lastSeen", "revokedAt");
        for (Accounts.Device device : accounts().devices(accessKey)) {
            out.printf("%-36s  %-24s  %-24s  %s%n", device.id(), device.enrolledAt(), device.lastSeen().map(Object::toString).orElse("-"),
                    device.revokedAt().map(Object::toString).orElse("-"));
        }
        return 0;
    }

    @Command(name = "add-reviewer", mixinStandardHelpOptions = true,
            description = {"Adds a person who works the account's review queue on the service's /review page.",
                "The password (12 to 200 characters) is read from the terminal, or the first line of the standard input: "
                        + "never from the command line, where others see it. It is kept as its Argon2id hash only."})
    int addReviewer(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                    @Option(names = "--name", required = true, paramLabel = "NAME",
                            description = "What the reviewer signs in with: 3 to 100 letters, digits and . _ @ -") String name)
            throws Exception {
        String password = password();
        return changed(accounts -> accounts.addReviewer(accessKey, name, password), "reviewer " + name);
    }

    @Command(name = "reviewers", mixinStandardHelpOptions = true,
            description = "Lists the account's reviewers: name, when added, last sign-in, and whether disabled or locked.")
    int reviewers(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s  %-24s  %-24s  %s%n", "name", "createdAt", "lastSignIn", "state");
        for (Accounts.Reviewer reviewer : accounts().reviewers(accessKey)) {
            String state = reviewer.disabledAt().map(at -> "disabled " + at)
                    .or(() -> reviewer.lockedUntil().map(until -> "locked until " + until)).orElse("active");
            out.printf("%-30s  %-24s  %-24s  %s%n", reviewer.name(), reviewer.createdAt(),
                    reviewer.lastSignIn().map(Object::toString).orElse("-"), state);
        }
        return 0;
    }

    @Command(name = "disable-reviewer", mixinStandardHelpOptions = true,
            description = {"Stops a reviewer of the account from signing in; their open sessions on the /review page end at once.",
                "The sign-in then answers as for a wrong password. Recorded in the review audit."})
    int disableReviewer(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                        @Option(names = "--name", required = true, paramLabel = "NAME") String name) throws Exception {
        return changed(accounts -> accounts.disableReviewer(accessKey, name), "disabled " + name);
    }

    @Command(name = "enable-reviewer", mixinStandardHelpOptions = true,
            description = {"Lets a disabled reviewer of the account sign in again, with the password they had (reset it too if "
                    + "it may have left with them). Recorded in the review audit."})
    int enableReviewer(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                       @Option(names = "--name", required = true, paramLabel = "NAME") String name) throws Exception {
        return changed(accounts -> accounts.enableReviewer(accessKey, name), "enabled " + name);
    }

    @Command(name = "reset-reviewer-password", mixinStandardHelpOptions = true,
            description = {"Gives a reviewer of the account a new password, read like add-reviewer's; their open sessions on the "
                    + "/review page end at once, and a lock from wrong passwords is lifted. Recorded in the review audit."})
    int resetReviewerPassword(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                              @Option(names = "--name", required = true, paramLabel = "NAME") String name) throws Exception {
        String password = password();
        return changed(accounts -> accounts.resetReviewerPassword(accessKey, name, password), "password reset " + name);
    }

    @Command(name = "review-sample", mixinStandardHelpOptions = true,
            description = "Queues a share of the account's verified sessions for its reviewers too, drawn at random as each is "
                    + "stored (0, the default, queues none: only the manual checks).")
    int reviewSample(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                     @Option(names = "--percent", required = true, paramLabel = "N", description = "0 to 100") int percent)
            throws Exception {
        try {
            accounts().setReviewSample(accessKey, percent);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        return 0;
    }

    /** The password from the terminal without echo, or else the first line of the standard input. */
    private String password() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for the reviewer: ");
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    private Accounts accounts() throws Exception {
        return Accounts.open(storage.dataDirectory(), storage.databaseUrl(), storage.keys());
    }

    /** An account change the service may refuse, for a reason the administrator reads as the command's failure. */
    private interface Change {
        void apply(Accounts accounts) throws Exception;
    }

    /** Makes the change and prints what was done: one line, as the command's other changes do. */
    private int changed(Change change, String done) throws Exception {
        try {
            change.apply(accounts());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("%s%n", done);
        return 0;
    }
}
