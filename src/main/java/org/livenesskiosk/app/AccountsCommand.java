package org.livenesskiosk.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.livenesskiosk.server.Accounts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Creates and manages the service's accounts, their keys and application ids. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Creates and manages the liveness service's accounts, keys and application ids.",
        subcommands = {AccountsCommand.Create.class, AccountsCommand.AddApplication.class, AccountsCommand.Disable.class,
            AccountsCommand.Enable.class})
final class AccountsCommand {

    @Option(names = "--data", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The service's data folder (default: the platform's data folder).")
    private Path dataDirectory;

    Accounts accounts() throws Exception {
        return Accounts.open(dataDirectory != null ? dataDirectory : DataDirectory.standard().resolve("service"));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an account; prints its keys once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        private AccountsCommand parent;
        @Spec
        private CommandSpec spec;
        @Option(names = "--name", required = true, paramLabel = "NAME")
        private String name;
        @Option(names = "--market", required = true, paramLabel = "MARKET", description = "The account's market, e.g. ID, VN, TH.")
        private String market;

        @Override
        public Integer call() throws Exception {
            Accounts.Created created = parent.accounts().create(name, market);
            spec.commandLine().getOut().printf("accessKey %s%nsecretKey %s%nmarket    %s%n"
                    + "Keep the secret key safe: it is not shown again.%n", created.accessKey(), created.secretKey(), created.market());
            return 0;
        }
    }

    @Command(name = "add-application", mixinStandardHelpOptions = true, description = "Registers a kiosk application id.")
    static final class AddApplication implements Callable<Integer> {
        @ParentCommand
        private AccountsCommand parent;
        @Option(names = "--access-key", required = true, paramLabel = "KEY")
        private String accessKey;
        @Option(names = "--application-id", required = true, paramLabel = "ID")
        private String applicationId;

        @Override
        public Integer call() throws Exception {
            parent.accounts().addApplication(accessKey, applicationId);
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stops an account from using liveness detection.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        private AccountsCommand parent;
        @Option(names = "--access-key", required = true, paramLabel = "KEY")
        private String accessKey;

        @Override
        public Integer call() throws Exception {
            parent.accounts().setEnabled(accessKey, false);
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled account use liveness detection again.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        private AccountsCommand parent;
        @Option(names = "--access-key", required = true, paramLabel = "KEY")
        private String accessKey;

        @Override
        public Integer call() throws Exception {
            parent.accounts().setEnabled(accessKey, true);
            return 0;
        }
    }
}
