package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.DeviceIdentity;
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

        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            LivenessClient client = EnrolledKiosk.client(server, data.resolve("branch-7"), keys.get("accessKey"));
            String token = client.generateToken(keys.get("accessKey"), keys.get("secretKey"));
            String license = client.authLicense(token, 600, "org.bank.kiosk");
            LivenessClient.Authorization authorization = client.authorize(license, "ID", "org.bank.kiosk", "0.1.0");
            assertTrue(authorization.ticket().length() > 20);
            assertEquals(new ChallengeSettings(List.of("BLINK", "NOD"), false, 8_000, 10_000, "HARD", 600, true, 50_000, true, false),
                    authorization.settings(), "the light step is on unless the bank turns it off");

            assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "settings", "--access-key", keys.get("accessKey"),
                    "--light", "off", "--unlit-sessions", "verified").exitCode());
            ChallengeSettings unlit = client.authorize(license, "ID", "org.bank.kiosk", "0.1.0").settings();
            assertEquals(List.of(false, true), List.of(unlit.light(), unlit.unlitVerified()));

            assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "disable",
                    "--access-key", keys.get("accessKey")).exitCode());
            ServiceCallException denied = assertThrows(ServiceCallException.class,
                    () -> client.authorize(license, "ID", "org.bank.kiosk", "0.1.0"));
            assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, denied.error());
        }
    }

    @Test
    void aKioskEnrolledWithTheCommandsCodeIsListedAndRevokedWithThem() throws Exception {
        String dataFolder = data.toString();
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            CommandLineRun enroll = CommandLineRun.of("accounts", "--data", dataFolder, "enroll-device", "--access-key",
                    TestAccount.ACCESS_KEY);
            assertEquals(0, enroll.exitCode(), enroll.err());
            String code = enroll.lines().stream().filter(line -> line.startsWith("enrollmentCode ")).findFirst().orElseThrow()
                    .split("\\s+")[1];
            LivenessClient kiosk = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(5),
                    DeviceIdentity.in(data.resolve("kiosk")));
            String deviceId = kiosk.enroll(code, "0.1.0");
            String token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            String license = kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID);
            kiosk.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0");

            CommandLineRun listed = CommandLineRun.of("accounts", "--data", dataFolder, "devices", "--access-key",
                    TestAccount.ACCESS_KEY);
            assertEquals(0, listed.exitCode(), listed.err());
            String line = listed.lines().stream().filter(row -> row.startsWith(deviceId)).findFirst().orElseThrow();
            assertTrue(line.matches(deviceId + "\\s+\\S+Z\\s+\\S+Z\\s+-"), line);

            assertEquals(0, CommandLineRun.of("accounts", "--data", dataFolder, "devices", "--revoke", deviceId).exitCode());
            assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, assertThrows(ServiceCallException.class, () -> kiosk.authorize(
                    license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")).error());
            CommandLineRun again = CommandLineRun.of("accounts", "--data", dataFolder, "devices", "--revoke", deviceId);
            assertEquals(1, again.exitCode());
            assertTrue(again.err().contains(deviceId), again.err());
        }
    }

    @Test
    void theAccountsShuffleAndResultSizeAreThoseOfTheSdk() throws Exception {
        String data = this.data.toString();
        String key = TestAccount.ACCESS_KEY;
        try (LivenessServer server = TestAccount.in(LivenessServer.open(this.data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            LivenessClient kiosk = EnrolledKiosk.client(server, this.data.resolve("branch-9"));
            String license = kiosk.authLicense(kiosk.generateToken(key, TestAccount.SECRET_KEY), 600,
                    TestAccount.APPLICATION_ID);
            String ticket = kiosk.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket();

            // No actions: the SDK's default, two of blink, mouth and head turn at random, the turn last.
            assertEquals(0, CommandLineRun.of("accounts", "--data", data, "settings", "--access-key", key, "--result-size", "800")
                    .exitCode());
            Set<List<String>> defaults = new HashSet<>();
            for (int customer = 0; customer < 100; customer++) {
                KioskApi.ChallengeAnswer challenge = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80));
                assertEquals(800, challenge.resultImageSize());
                assertEquals(2, challenge.plan().size(), challenge.plan().toString());
                assertTrue(!challenge.plan().contains("POS_YAW") || challenge.plan().get(1).equals("POS_YAW"), challenge.plan().toString());
                defaults.add(challenge.plan());
            }
            assertEquals(Set.of(List.of("BLINK", "MOUTH"), List.of("MOUTH", "BLINK"), List.of("BLINK", "POS_YAW"),
                    List.of("MOUTH", "POS_YAW")), defaults);

            // The actions given, shuffled: every one of them, in every order, the head turn anywhere.
            assertEquals(0, CommandLineRun.of("accounts", "--data", data, "settings", "--access-key", key,
                    "--actions", "BLINK,POS_YAW,NOD", "--shuffle").exitCode());
            Set<List<String>> shuffled = new HashSet<>();
            for (int customer = 0; customer < 100; customer++) {
                KioskApi.ChallengeAnswer challenge = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80));
                assertEquals(600, challenge.resultImageSize());
                assertEquals(Set.of("BLINK", "POS_YAW", "NOD"), Set.copyOf(challenge.plan()));
                shuffled.add(challenge.plan());
            }
            assertEquals(6, shuffled.size(), shuffled.toString());
        }
    }

    @Test
    void aResultSizeOutsideTheSdksRangeIsRefused() {
        CommandLineRun run = CommandLineRun.of("accounts", "--data", data.toString(), "settings", "--access-key",
                TestAccount.ACCESS_KEY, "--result-size", "1200");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--result-size") && run.err().contains("'1200' is not the side of the square best image in "
                + "pixels, 300 to 1000"), run.err());
    }

    @Test
    void theMatchThresholdIsTheAccountsOwnFromFiftyToEighty() throws Exception {
        String data = this.data.toString();
        String key = TestAccount.ACCESS_KEY;
        try (LivenessServer server = TestAccount.in(LivenessServer.open(this.data, Models.fromClasspath()))) {
            String otherKey = CommandLineRun.of("accounts", "--data", data, "create", "--name", "Other bank", "--market", "ID").lines()
                    .get(0).split("\\s+")[1];

            assertEquals(0, CommandLineRun.of("accounts", "--data", data, "settings", "--access-key", key, "--match-threshold", "80")
                    .exitCode());
            for (String outside : List.of("49", "81")) {
                CommandLineRun refused = CommandLineRun.of("accounts", "--data", data, "settings", "--access-key", key,
                        "--match-threshold", outside);
                assertEquals(2, refused.exitCode(), refused.err());
                assertTrue(refused.err().contains("--match-threshold") && refused.err().contains("'" + outside
                        + "' is not a similarity from 50 to 80"), refused.err());
            }

            assertEquals(80, TestAccount.matchThreshold(server, key), "set, and a refused one changes nothing");
            assertEquals(60, TestAccount.matchThreshold(server, otherKey), "another account's stays the measured one");
            // Like every option of settings, one left out takes its default again.
            assertEquals(0, CommandLineRun.of("accounts", "--data", data, "settings", "--access-key", key, "--light", "off").exitCode());
            assertEquals(60, TestAccount.matchThreshold(server, key));
        }
    }

    @Test
    void aPublicUrlThatIsNoHttpUrlIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("serve", "--data", data.toString(), "--port", "0", "--public-url", "javascript:alert(1)");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--public-url") && run.err().contains("'javascript:alert(1)' is not a service's address"),
                run.err());
    }

    @Test
    void aReviewerAddedWithThePasswordOnStandardInputSignsInOnTheReviewPage() throws Exception {
        String password = "desk seven, morning shift";
        CommandLineRun tooShort = withInput("short\n", "accounts", "--data", data.toString(), "add-reviewer", "--access-key",
                TestAccount.ACCESS_KEY, "--name", "ayu");
        assertEquals(1, tooShort.exitCode(), "a password under 12 characters: " + tooShort.err());
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            CommandLineRun added = withInput(password + "\n", "accounts", "--data", data.toString(), "add-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu");
            assertEquals(0, added.exitCode(), added.err());
            assertEquals(List.of("reviewer ayu"), added.lines());
            assertTrue(!added.out().contains(password) && !added.err().contains(password), "the password is never printed");
            CommandLineRun twice = withInput(password + "\n", "accounts", "--data", data.toString(), "add-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu");
            assertTrue(twice.exitCode() == 1 && twice.err().contains("exists already"), twice.err());
            assertEquals(0, CommandLineRun.of("accounts", "--data", data.toString(), "review-sample", "--access-key",
                    TestAccount.ACCESS_KEY, "--percent", "5").exitCode());
            CommandLineRun tooMany = CommandLineRun.of("accounts", "--data", data.toString(), "review-sample", "--access-key",
                    TestAccount.ACCESS_KEY, "--percent", "101");
            assertTrue(tooMany.exitCode() == 1 && tooMany.err().contains("0 to 100"), tooMany.err());

            HttpResponse<String> signIn = signIn(server, "ayu", password);
            assertTrue(signIn.body().contains("\"code\":\"SUCCESS\""), signIn.body());
        }
    }

    /**
     * The administrator lists an account's reviewers, resets a password (the browser signed in with
     * the old one is signed out, the old password refused), disables a reviewer (signed out at
     * once, and refused as for a wrong password) and enables them again.
     */
    @Test
    void reviewersAreListedResetDisabledAndEnabledFromTheCommandLine() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            String oldPassword = "desk seven, morning shift";
            String newPassword = "desk seven, evening shift";
            assertEquals(0, withInput(oldPassword + "\n", "accounts", "--data", data.toString(), "add-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu").exitCode());
            List<String> listed = CommandLineRun.of("accounts", "--data", data.toString(), "reviewers", "--access-key",
                    TestAccount.ACCESS_KEY).lines();
            assertTrue(listed.get(0).matches("name\\s+createdAt\\s+lastSignIn\\s+state") && listed.get(1).matches("ayu\\s+\\S+Z\\s+-\\s+active"),
                    String.join("\n", listed));
            String cookie = signIn(server, "ayu", oldPassword).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertTrue(queue(server, cookie).contains("\"code\":\"SUCCESS\""));
            String signedIn = CommandLineRun.of("accounts", "--data", data.toString(), "reviewers", "--access-key",
                    TestAccount.ACCESS_KEY).lines().get(1);
            assertTrue(signedIn.matches("ayu\\s+\\S+Z\\s+\\S+Z\\s+active"), "the last sign-in: " + signedIn);

            CommandLineRun reset = withInput(newPassword + "\n", "accounts", "--data", data.toString(), "reset-reviewer-password",
                    "--access-key", TestAccount.ACCESS_KEY, "--name", "ayu");
            assertEquals(List.of("password reset ayu"), reset.lines(), reset.err());
            assertTrue(queue(server, cookie).contains("\"code\":\"REVIEWER_SIGNED_OUT\""), "the old cookie");
            assertTrue(signIn(server, "ayu", oldPassword).body().contains("\"code\":\"REVIEWER_SIGN_IN_FAILED\""), "the old password");
            String renewed = signIn(server, "ayu", newPassword).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            CommandLineRun unknown = CommandLineRun.of("accounts", "--data", data.toString(), "disable-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "nobody");
            assertTrue(unknown.exitCode() == 1 && unknown.err().contains("no reviewer named nobody"), unknown.err());
            CommandLineRun disabled = CommandLineRun.of("accounts", "--data", data.toString(), "disable-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu");
            assertEquals(List.of("disabled ayu"), disabled.lines(), disabled.err());
            assertTrue(queue(server, renewed).contains("\"code\":\"REVIEWER_SIGNED_OUT\""), "signed out at once");
            assertTrue(signIn(server, "ayu", newPassword).body().contains("\"code\":\"REVIEWER_SIGN_IN_FAILED\""),
                    "refused as a wrong password is");
            assertTrue(CommandLineRun.of("accounts", "--data", data.toString(), "reviewers", "--access-key", TestAccount.ACCESS_KEY)
                    .lines().get(1).matches("ayu\\s+\\S+Z\\s+\\S+Z\\s+disabled \\S+Z"));

            CommandLineRun enabled = CommandLineRun.of("accounts", "--data", data.toString(), "enable-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu");
            assertEquals(List.of("enabled ayu"), enabled.lines(), enabled.err());
            String back = signIn(server, "ayu", newPassword).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertTrue(queue(server, back).contains("\"code\":\"SUCCESS\""), "their password lets them in again");
            CommandLineRun again = CommandLineRun.of("accounts", "--data", data.toString(), "enable-reviewer", "--access-key",
                    TestAccount.ACCESS_KEY, "--name", "ayu");
            assertTrue(again.exitCode() == 1 && again.err().contains("ayu is not disabled"), again.err());
        }
    }

    private static HttpResponse<String> signIn(LivenessServer server, String name, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/review/v1/sign-in"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name
                        + "\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String queue(LivenessServer server, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/review/v1/queue"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A run whose standard input is {@code input}, as a script piping the password gives it (no terminal). */
    private static CommandLineRun withInput(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CommandLineRun.of(args);
        } finally {
            System.setIn(before);
        }
    }
}
