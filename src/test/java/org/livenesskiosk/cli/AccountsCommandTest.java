package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.vision.Models;
import org.livenesskiosk.testdata.EnrolledKiosk;

/** An operator sets up a bank's account with the commands, and a kiosk of that bank is authorized. */
class AccountsCommandTest {

    @TempDir
    Path data;

    @Test
    void anAccountMadeWithTheCommandsAuthorizesItsKiosksUntilDisabled() throws Exception {
        CommandLineRun created = CommandLineRun.of("accounts", "--data", data.toString(), "create", "--name", "Bank", "--market", "ID");
        assertEquals(0, created.exitCode(), created.err());
        Map<String, String> keys = created.lines().stream().filter(line -> line.matches("\\w+\\s+\\S+"))
                .collect(Collectors.toMap(line -> line.split("\\s+")[0], line -> line.split("\\s+")[1]));
        assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "add-application",
                "--access-key", keys.get("accessKey"), "--application-id", "org.bank.kiosk").exitCode());

        assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "settings", "--access-key", keys.get("accessKey"),
                "--actions", "BLINK,NOD", "--action-timeout", "8", "--level", "HARD").exitCode());

        try (LivenessServer server = LivenessServer.open(data, Models.fromClasspath()).start("127.0.0.1", 0)) {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve("branch-7"), keys.get("accessKey"));
            String token = client.generateToken(keys.get("accessKey"), keys.get("secretKey"));
            String license = client.authLicense(token, 600, "org.bank.kiosk");
            LivenessClient.Authorization authorization = client.authorize(license, "ID", "org.bank.kiosk", "0.1.0");
            assertTrue(authorization.ticket().length() > 20);
            assertEquals(new ChallengeSettings(List.of("BLINK", "NOD"), false, 8_000, 10_000, "HARD"), authorization.settings());

            assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "disable",
                    "--access-key", keys.get("accessKey")).exitCode());
            ServiceCallException denied = assertThrows(ServiceCallException.class,
                    () -> client.authorize(license, "ID", "org.bank.kiosk", "0.1.0"));
            assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, denied.error());
        }
    }
}
