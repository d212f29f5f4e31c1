package org.livenesskiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.ServiceLimits;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

import com.google.gson.Gson;

/**
 * The kiosk killed with SIGKILL at each step of delivering a session (kept in the outbox, answered
 * by the service, let go by the outbox), then started again on the same folder: the session is
 * delivered exactly once, the service holds its one result, and the outbox is left with no file,
 * whole or half-written.
 */
class OutboxCrashTest {

    private static final String IMAGE = UploadQueueTest.IMAGE;

    @TempDir
    Path data;

    private LivenessServer service;
    private LivenessClient kiosk;

    @BeforeEach
    void start() throws Exception {
        // The sessions sent here show no face: each is an attack to the service, so its lock-out is off.
        service = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath(), new ServiceLimits(1, 5_000, 0)))
                .start("127.0.0.1", 0);
        service.accounts().setSettings(TestAccount.ACCESS_KEY, ChallengeSettings.defaults().withFarNear(false));
        kiosk = EnrolledKiosk.client(service, data.resolve("kiosk"));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void aKioskKilledAtAnyStepDeliversTheSessionOnceWhenItStartsAgain(CrashPoint step) throws Exception {
        String token = kiosk.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String ticket = kiosk.authorize(kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID), TestAccount.MARKET,
                TestAccount.APPLICATION_ID, "0.1.0").ticket();
        String challengeId = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(40, 80)).challengeId();
        UploadRequest session = new UploadRequest(UUID.randomUUID().toString(), challengeId, null, null, "0.1.0", "kiosk-linux",
                List.of(new UploadRequest.Action("BLINK", 1200)), new UploadRequest.Recording(List.of(0L, 40L), List.of(IMAGE, IMAGE)),
                IMAGE);
        Path sessionFile = Files.writeString(data.resolve("session.json"), new Gson().toJson(session));

        Process killed = kioskProcess(List.of("-D" + CrashPoint.PROPERTY + "=" + step.name()), "submit", ticket,
                sessionFile.toString());
        waitForTheStop(killed, step);
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Process restarted = kioskProcess(List.of(), "retry", ticket);
        String log = new String(restarted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restarted.waitFor(60, TimeUnit.SECONDS), "the restarted kiosk finished");
        assertEquals(0, restarted.exitValue(), "every waiting session delivered: " + log);

        assertTrue(TestAccount.resultOfSession(service, session.sessionId()).isPresent(), "the service holds the session's result");
        try (Stream<Path> left = Files.list(data.resolve("kiosk").resolve("outbox"))) {
            List<String> files = left.map(file -> file.getFileName().toString()).filter(name -> !name.equals("outbox.key")).toList();
            assertEquals(List.of(), files, "nothing left in the outbox, whole or half-written");
        }
        // Sent once more, the session gets the same livenessId: the service kept one result.
        assertEquals(TestAccount.resultOfSession(service, session.sessionId()).orElseThrow(),
                kiosk.upload(ticket, session).livenessId());
    }

    private Process kioskProcess(List<String> properties, String mode, String... rest) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashingKiosk.class.getName(), mode,
                "http://127.0.0.1:" + service.port(), data.resolve("kiosk").toString(), kiosk.deviceId().orElseThrow()));
        command.addAll(List.of(rest));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the kiosk's log until it says it stopped at the step, for at most a minute. */
    private static void waitForTheStop(Process kiosk, CrashPoint step) throws Exception {
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader log = new BufferedReader(new InputStreamReader(kiosk.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = log.readLine(); line != null; line = log.readLine()) {
                    if (line.contains("STOPPED AT " + step.name())) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(stopped.get(60, TimeUnit.SECONDS), "the kiosk reached " + step);
    }
}
