package org.livenesskiosk.cli;

import java.util.List;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.server.Accounts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
            description = "Sets the challenge the account's kiosks ask of customers, from their next authorization on.")
    int settings(@Option(names = "--access-key", required = true, paramLabel = "KEY") String accessKey,
                 @Option(names = "--actions", required = true, split = ",", paramLabel = "ACTION",
                         description = "${COMPLETION-CANDIDATES}") List<ActionType> actions,
                 @Option(names = "--shuffle", description = "Two of the actions at random, a head turn last.") boolean shuffle,
                 @Option(names = "--action-timeout", defaultValue = "10", paramLabel = "SECONDS") double actionSeconds,
                 @Option(names = "--prepare-timeout", defaultValue = "10", paramLabel = "SECONDS") double prepareSeconds,
                 @Option(names = "--level", defaultValue = "NORMAL", paramLabel = "LEVEL",
                         description = "${COMPLETION-CANDIDATES}") DetectionLevel level) throws Exception {
        accounts().setSettings(accessKey, new ChallengeSettings(actions.stream().map(ActionType::name).toList(), shuffle,
                Math.round(actionSeconds * 1000), Math.round(prepareSeconds * 1000), level.name()));
        return 0;
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

    private Accounts accounts() throws Exception {
        return Accounts.open(storage.dataDirectory(), storage.databaseUrl());
    }
}
