package org.livenesskiosk.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.testdata.SharedData;
import org.livenesskiosk.testdata.SmallDisk;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Letterbox;
import org.livenesskiosk.vision.Models;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Whole sessions on real recordings: what the clip shows passes, what it does not fails with its code. */
class DetectCommandTest {

    /** The shared clips are face close-ups: their faces are nearer than a kiosk's 40 cm. */
    private static final String CLOSE_UP = "15-120";

    @TempDir
    Path temp;

    @Test
    void aNearlyFullDataDiskRefusesTheSessionBeforeItStarts() throws Exception {
        String source = clip("liveportrait_d18_man_yawn_mouth_open");
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("disk"), 16)) {
            disk.fillLeaving(4L << 20);
            CommandLineRun run = CommandLineRun.of("detect", "--data", disk.folder().resolve("data").toString(), "--far-near", "off",
                    "--source", source, "--actions", "MOUTH", "--distance", "15-120");
            JsonObject result = JsonParser.parseString(run.out().strip()).getAsJsonObject();
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertEquals("UNDEFINED", result.get("code").getAsString());
            assertTrue(result.get("message").getAsString().startsWith("KIOSK_DISK_FULL: this kiosk's data disk"), run.out());
        }
    }

    /**
     * Runs detect with the embedded service keeping its data in this test's folder; without the
     * far/near stage, which the shared recordings were made without (a standalone service's account says).
     */
    private JsonObject detect(String... args) {
        String[] stage = Arrays.asList(args).contains("--server") ? new String[0] : new String[] {"--far-near", "off"};
        CommandLineRun run = CommandLineRun.of(concat(concat(new String[] {"detect", "--data", temp.resolve("service").toString()},
                stage), args));
        JsonObject result = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals(result.get("success").getAsBoolean() ? 0 : 1, run.exitCode(), run.out() + run.err());
        return result;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String clip(String name) {
        return SharedData.video(name + ".avi").toString();
    }

    @Test
    void passesABlinkAndAnOpenMouthAndWritesTheEvidence() throws Exception {
        Path out = temp.resolve("evidence");
        JsonObject result = detect("--source", clip("hdtf_WDA_AlexandriaOcasioCortez_000_blinks"),
                "--actions", "BLINK,MOUTH", "--distance", CLOSE_UP, "--out", out.toString());

        assertTrue(result.get("success").getAsBoolean(), result.toString());
        assertEquals("SUCCESS", result.get("code").getAsString());
        assertEquals(2, result.getAsJsonArray("actions").size());
        JsonObject blink = result.getAsJsonArray("actions").get(0).getAsJsonObject();
        assertEquals("BLINK", blink.get("action").getAsString());
        assertTrue(blink.get("atMs").getAsLong() > 0);
        for (String evidence : List.of("best", "neutral", "blink", "mouth", "traces")) {
            assertTrue(Files.size(Path.of(result.getAsJsonObject("evidence").get(evidence).getAsString())) > 0, evidence);
        }
        Mat best = imread(out.resolve("best.jpg").toString(), IMREAD_COLOR);
        assertEquals(600, best.cols());
        assertEquals(600, best.rows());
        FrameAnalysis bestFace = new FrameAnalyzer(Models.fromClasspath()).analyze(best, 0, 0);
        assertEquals(1, bestFace.faceCount());
        assertTrue(Math.abs(bestFace.mainFace().orElseThrow().metrics().pose().yawDegrees()) < 15);
        assertTrue(Files.readString(out.resolve("traces.json")).contains("eyeAspectRatio"));
        assertServiceConfirms(result.get("livenessId").getAsString());
    }

    /** The embedded service, opened again on the same data, knows the livenessId and scores it a pass. */
    private void assertServiceConfirms(String livenessId) throws Exception {
        try (LivenessServer server = LivenessServer.open(temp.resolve("service").resolve("service"), Models.fromClasspath())
                .start("127.0.0.1", 0)) {
            LivenessClient client = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(10));
            Accounts.Local kiosk = server.accounts().local();
            String token = client.generateToken(kiosk.accessKey(), kiosk.secretKey());
            LivenessClient.Result confirmed = client.result(token, "livenessId", livenessId);
            assertTrue(confirmed.livenessScore() >= 50, "score " + confirmed.livenessScore());
        }
    }

    @Test
    void passesAnOpenMouthThenABlink() throws Exception {
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--actions", "MOUTH,BLINK",
                "--distance", CLOSE_UP);

        assertTrue(result.get("success").getAsBoolean(), result.toString());
        assertServiceConfirms(result.get("livenessId").getAsString());
        JsonObject latest = latestResult();
        assertEquals("SUCCESS", latest.get("code").getAsString());
        assertEquals(result.get("livenessId"), latest.get("livenessId"));
        assertFalse(latest.get("pendingUpload").getAsBoolean());
    }

    @Test
    void aStandaloneServiceTakesTheSessionWithTheKiosksOwnKeysUnderItsAccountsChallenge() throws Exception {
        Path serviceData = temp.resolve("standalone");
        Accounts.Created bank = bankWithKiosk(serviceData);
        Accounts.open(serviceData, Optional.empty()).setSettings(bank.accessKey(),
                new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000, "NORMAL", 600, false, 50_000));
        try (LivenessServer server = TestAccount.in(LivenessServer.open(serviceData, Models.fromClasspath())).start("127.0.0.1", 0)) {
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                    "--distance", CLOSE_UP, "--server", "http://127.0.0.1:" + server.port(), "--access-key", bank.accessKey(),
                    "--secret-key", bank.secretKey(), "--market", "ID", "--application-id", "org.bank.kiosk",
                    "--enrollment-code", enrollmentCode(serviceData, bank));

            assertTrue(result.get("success").getAsBoolean(), result.toString());
            assertEquals("[\"MOUTH\"]", result.get("plan").toString());
            assertTrue(result.get("livenessId").getAsString().length() > 20, result.toString());
            assertEquals("VERIFIED", result.get("verdict").getAsString());
            // The service verifies only what the passive checks find live; the kiosk reports what it found itself.
            JsonObject passive = result.getAsJsonObject("passive");
            assertEquals("LIVE", passive.get("passive").getAsString(), passive.toString());
            assertTrue(passive.get("texturedFrames").getAsInt() >= 10, passive.toString());
            assertTrue(passive.get("texture").getAsDouble() >= 0.5, passive.toString());
        }
    }

    /**
     * The figure that matters for the light challenge: a recording of a person who passes every other
     * check, fed as the camera by someone holding an enrolled kiosk's key, is never verified where the
     * account asks for the light step: claiming no colours leaves it to a person, claiming the drawn
     * ones finds a face that did not answer them.
     */
    @Test
    void aRecordingInjectedAsTheCameraIsNotVerifiedWhereTheAccountAsksForTheLight() throws Exception {
        Path serviceData = temp.resolve("standalone");
        Accounts.Created bank = bankWithKiosk(serviceData);
        Accounts.open(serviceData, Optional.empty()).setSettings(bank.accessKey(),
                new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000, "NORMAL", 600, false, 50_000, true, false));
        try (LivenessServer server = TestAccount.in(LivenessServer.open(serviceData, Models.fromClasspath())).start("127.0.0.1", 0)) {
            String code = enrollmentCode(serviceData, bank);
            for (String light : List.of("off", "on")) {
                JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--light", light,
                        "--distance", CLOSE_UP, "--server", "http://127.0.0.1:" + server.port(), "--access-key", bank.accessKey(),
                        "--secret-key", bank.secretKey(), "--market", "ID", "--application-id", "org.bank.kiosk",
                        "--enrollment-code", code);

                assertTrue(result.get("success").getAsBoolean(), result.toString());
                assertEquals("MANUAL_CHECK", result.get("verdict").getAsString(), "--light " + light + ": " + result);
                assertTrue(result.getAsJsonObject("light").get("asked").getAsBoolean());
                assertEquals(light.equals("on"), result.getAsJsonObject("light").get("coloursShown").getAsInt() >= 6, result.toString());
            }
        }
    }

    @Test
    void theEmbeddedServiceWithTheLightOnDoesNotVerifyARecording() {
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--actions", "MOUTH",
                "--distance", CLOSE_UP, "--light", "on");

        assertEquals("MANUAL_CHECK", result.get("verdict").getAsString(), result.toString());
        assertTrue(result.get("attackReason").getAsString().startsWith("LIGHT_"), result.toString());
    }

    @Test
    void theResultSizeAskedIsTheBestImagesSide() throws Exception {
        Path out = temp.resolve("evidence");
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--actions", "MOUTH",
                "--distance", CLOSE_UP, "--result-size", "400", "--out", out.toString());

        // The kiosk's side decides the image; whether the upload then comes through is another test's.
        assertEquals(1, result.getAsJsonArray("actions").size(), result.toString());
        Mat best = imread(result.getAsJsonObject("evidence").get("best").getAsString(), IMREAD_COLOR);
        assertEquals(400, best.cols());
        assertEquals(400, best.rows());
    }

    @Test
    void aResultSizeOutsideTheSdksRangeIsAUsageError() {
        for (String size : List.of("299", "1001")) {
            CommandLineRun run = CommandLineRun.of("detect", "--data", temp.resolve("service").toString(), "--source",
                    clip("liveportrait_d18_man_yawn_mouth_open"), "--result-size", size);

            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--result-size") && run.err().contains("'" + size + "' is not the side of the square best "
                    + "image in pixels, 300 to 1000, as the SDK takes it"), run.err());
        }
    }

    @Test
    void theAccountsResultSizeIsTheBestImagesSideOnItsKiosks() throws Exception {
        Path serviceData = temp.resolve("standalone");
        Accounts.Created bank = bankWithKiosk(serviceData);
        Accounts.open(serviceData, Optional.empty()).setSettings(bank.accessKey(),
                new ChallengeSettings(List.of("MOUTH"), false, 10_000, 10_000, "NORMAL", 800, false, 50_000));
        Path out = temp.resolve("evidence");
        try (LivenessServer server = TestAccount.in(LivenessServer.open(serviceData, Models.fromClasspath())).start("127.0.0.1", 0)) {
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--out", out.toString(),
                    "--distance", CLOSE_UP, "--server", "http://127.0.0.1:" + server.port(), "--access-key", bank.accessKey(),
                    "--secret-key", bank.secretKey(), "--market", "ID", "--application-id", "org.bank.kiosk",
                    "--enrollment-code", enrollmentCode(serviceData, bank));

            assertEquals("VERIFIED", result.get("verdict").getAsString(), result.toString());
            assertEquals(800, imread(out.resolve("best.jpg").toString(), IMREAD_COLOR).cols());
        }
    }

    @Test
    void theGivenActionsShuffledAreEveryOneOfThem() throws IOException {
        List<String> given = List.of("NOD", "POS_YAW", "BLINK");
        for (int customer = 0; customer < 4; customer++) {
            JsonObject result = detect("--source", notAClip().toString(), "--actions", String.join(",", given),
                    "--shuffle");

            List<String> plan = result.getAsJsonArray("plan").asList().stream().map(action -> action.getAsString()).toList();
            assertEquals(given.size(), plan.size(), plan.toString());
            assertTrue(plan.containsAll(given), plan.toString());
        }
    }

    @Test
    void withoutActionsTheSdksDefaultIsAsked() throws IOException {
        for (int customer = 0; customer < 4; customer++) {
            JsonObject result = detect("--source", notAClip().toString());

            List<String> plan = result.getAsJsonArray("plan").asList().stream().map(action -> action.getAsString()).toList();
            assertEquals(2, plan.size(), plan.toString());
            assertTrue(List.of("BLINK", "MOUTH", "POS_YAW").containsAll(plan), plan.toString());
            assertTrue(!plan.contains("POS_YAW") || plan.get(1).equals("POS_YAW"), "the head turn last: " + plan);
        }
    }

    @Test
    void aStandaloneServiceDecidesTheChallengeNotTheCommandLine() {
        CommandLineRun run = CommandLineRun.of("detect", "--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--actions", "MOUTH", "--server", "http://127.0.0.1:9", "--license", "L", "--market", "ID",
                "--application-id", "org.bank.kiosk");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("The standalone service decides the challenge"), run.err());
    }

    @Test
    void theFarNearStageIsTheStandaloneServicesToDecideAndIsOnOrOff() {
        CommandLineRun standalone = CommandLineRun.of("detect", "--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--far-near", "off", "--server", "http://127.0.0.1:9", "--license", "L", "--market", "ID",
                "--application-id", "org.bank.kiosk");
        CommandLineRun unclear = CommandLineRun.of("detect", "--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--far-near", "yes");

        assertEquals(2, standalone.exitCode());
        assertTrue(standalone.err().contains("--far-near"), standalone.err());
        assertEquals(2, unclear.exitCode());
        assertTrue(unclear.err().contains("expected on or off, not 'yes'"), unclear.err());
    }

    /** A bank's account on a standalone service, market ID, with the kiosk application org.bank.kiosk. */
    private static Accounts.Created bankWithKiosk(Path serviceData) throws IOException {
        Accounts accounts = Accounts.open(serviceData, Optional.empty());
        Accounts.Created bank = accounts.create("Bank", "ID");
        accounts.addApplication(bank.accessKey(), "org.bank.kiosk");
        return bank;
    }

    /** A one-time code enrolling the kiosk in the bank's account, as the bank's administrator makes it. */
    private static String enrollmentCode(Path serviceData, Accounts.Created bank) throws IOException {
        return Accounts.open(serviceData, Optional.empty()).enrollDevice(bank.accessKey()).code();
    }

    @Test
    void aStandaloneServiceWithoutCredentialsIsAUsageErrorBeforeAnySession() {
        CommandLineRun run = CommandLineRun.of("detect", "--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--server", "http://127.0.0.1:9");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--server needs --license"), run.err());
    }

    @Test
    void anUnreachableServiceIsAuthBadNetworkBeforeTheCustomerStarts() {
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--distance", CLOSE_UP, "--server", "http://127.0.0.1:9", "--license", "x", "--market", "ID",
                "--application-id", "app", "--enrollment-code", "ABCDE-FGHJK");

        assertEquals("AUTH_BAD_NETWORK", result.get("code").getAsString(), result.toString());
        assertTrue(result.get("detail").getAsString().contains("The service at http://127.0.0.1:9/ cannot be reached"), result.toString());
        assertFalse(result.has("actions"), "no session ran");
    }

    @Test
    void theSameRecordingTwiceOnTheEmbeddedServiceIsToldAsAReplay() {
        String[] session = {"--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--actions", "MOUTH", "--distance", CLOSE_UP};
        JsonObject first = detect(session);
        JsonObject again = detect(session);

        assertEquals("VERIFIED", first.get("verdict").getAsString(), first.toString());
        assertFalse(first.has("attackReason"), first.toString());
        assertEquals("MANUAL_CHECK", again.get("verdict").getAsString(), again.toString());
        assertEquals("REPLAY", again.get("attackReason").getAsString(), again.toString());
        assertTrue(again.get("message").getAsString().startsWith("The service refused this session as a replay: the same recording "
                + "was already used on this kiosk."), again.toString());
    }

    @Test
    void aLockedOutKioskIsToldItIsThisKioskAndForHowLong() throws IOException {
        try (MockWebServer service = new MockWebServer()) {
            service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"deviceId\":\"d-1\"}}"));
            service.enqueue(new MockResponse().setBody("{\"code\":\"DEVICE_LOCKED\",\"message\":\"Too many failed attempts on this "
                    + "kiosk; it may try again in 120 s\"}"));
            service.start();
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--server", service.url("/").toString(),
                    "--license", "x", "--market", "ID", "--application-id", "app", "--enrollment-code", "ABCDE-FGHJK");

            assertEquals("AUTH_ACCOUNT_ACCESS_DENIED", result.get("code").getAsString(), result.toString());
            assertEquals("The service locked this kiosk out after 5 refused sessions within 3 minutes: Too many failed attempts on "
                    + "this kiosk; it may try again in 120 s.", result.get("message").getAsString());
        }
    }

    @Test
    void aSessionTheServiceCannotTakeNowWaitsInTheOutbox() throws IOException {
        try (MockWebServer service = new MockWebServer()) {
            service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"deviceId\":\"d-1\"}}"));
            service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"ticket\":\"t\",\"expireTimestamp\":"
                    + (System.currentTimeMillis() + 600_000) + "}}"));
            service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"challengeId\":\"c\",\"plan\":[\"MOUTH\"],"
                    + "\"actionTimeLimitMs\":10000,\"prepareTimeLimitMs\":10000,\"level\":\"NORMAL\",\"expireTimestamp\":"
                    + (System.currentTimeMillis() + 600_000) + "}}"));
            service.enqueue(new MockResponse().setResponseCode(503));
            service.start();
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                    "--distance", CLOSE_UP, "--server", service.url("/").toString(), "--license", "x", "--market", "ID",
                    "--application-id", "app", "--enrollment-code", "ABCDE-FGHJK");

            assertEquals("UNDEFINED", result.get("code").getAsString(), result.toString());
            assertTrue(result.get("detail").getAsString().startsWith("HTTP_503"), result.toString());
            String sessionId = result.get("pendingUpload").getAsString();
            assertTrue(Files.exists(temp.resolve("service").resolve("outbox").resolve(sessionId + ".upload")));
            JsonObject latest = latestResult();
            assertEquals(sessionId, latest.get("sessionId").getAsString());
            assertTrue(latest.get("pendingUpload").getAsBoolean());
        }
    }

    @Test
    void theKioskAsksForTheChallengeTheServiceIsTunedTo() throws Exception {
        Path serviceData = temp.resolve("standalone");
        Accounts.Created bank = bankWithKiosk(serviceData);
        Accounts.open(serviceData, Optional.empty())
                .setSettings(bank.accessKey(), new ChallengeSettings(List.of("NOD"), false, 3_000, 10_000, "EASY", 600, false, 50_000));
        try (LivenessServer server = TestAccount.in(LivenessServer.open(serviceData, Models.fromClasspath())).start("127.0.0.1", 0)) {
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--distance", CLOSE_UP,
                    "--server", "http://127.0.0.1:" + server.port(), "--access-key", bank.accessKey(),
                    "--secret-key", bank.secretKey(), "--market", "ID", "--application-id", "org.bank.kiosk",
                    "--enrollment-code", enrollmentCode(serviceData, bank));

            assertEquals("[\"NOD\"]", result.get("plan").toString());
            assertEquals("ACTION_TIMEOUT", result.get("code").getAsString());
            assertTrue(result.get("detail").getAsString().contains("3000 ms"), result.toString());
        }
    }

    private JsonObject latestResult() {
        CommandLineRun run = CommandLineRun.of("result", "--data", temp.resolve("service").toString());
        assertEquals(0, run.exitCode(), run.err());
        return JsonParser.parseString(run.out().strip()).getAsJsonObject();
    }

    @Test
    void failsAnActionTheClipDoesNotShow() {
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--actions", "NOD",
                "--distance", CLOSE_UP);

        assertFalse(result.get("success").getAsBoolean());
        assertEquals("ACTION_TIMEOUT", result.get("code").getAsString());
        assertFalse(result.get("message").getAsString().isBlank());
    }

    @Test
    void sameClipAndActionsGiveTheSameSession() {
        String[] args = {"--source", clip("hdtf_WDA_AlexandriaOcasioCortez_000_blinks"), "--actions", "BLINK",
            "--distance", CLOSE_UP};
        JsonObject first = detect(args);
        JsonObject second = detect(args);

        assertEquals(first.get("plan"), second.get("plan"));
        assertEquals(first.get("actions"), second.get("actions"));
        assertEquals(first.get("code"), second.get("code"));
    }

    @Test
    void nobodyInFrontOfTheCameraIsFaceMissing() {
        JsonObject result = detect("--source", clip("opencv_vtest_pedestrians_noface_20s"), "--prepare-timeout", "5");

        assertEquals("FACE_MISSING", result.get("code").getAsString());
    }

    @Test
    void twoPeopleAreMultipleFace() throws IOException {
        JsonObject result = detect("--source", repeated("whitehouse_two_people.jpg", 40).toString(), "--fps", "10",
                "--prepare-timeout", "3", "--distance", "30-200");

        assertEquals("MULTIPLE_FACE", result.get("code").getAsString());
    }

    @Test
    void twoPeopleAreMutiFaceByTheIosNames() throws IOException {
        JsonObject result = detect("--source", repeated("whitehouse_two_people.jpg", 40).toString(), "--fps", "10",
                "--prepare-timeout", "3", "--distance", "30-200", "--codes", "ios");

        assertEquals("MUTI_FACE", result.get("code").getAsString());
        assertEquals("MULTIPLE_FACE", latestResult().get("code").getAsString(), "the history keeps the Android name");
    }

    @Test
    void anUnreachableServiceIsNoResponseByTheIosNames() {
        JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"),
                "--server", "http://127.0.0.1:9", "--license", "x", "--market", "ID", "--application-id", "app",
                "--enrollment-code", "ABCDE-FGHJK", "--codes", "IOS");

        assertEquals("NO_RESPONSE", result.get("code").getAsString(), result.toString());
    }

    @Test
    void aCodeNamingNoSdkIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("detect", "--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--codes", "windows");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--codes"), run.err());
    }

    @Test
    void aWrongSecretKeyIsAuthParameterErrorBeforeAnySession() throws Exception {
        Path serviceData = temp.resolve("standalone");
        Accounts.Created bank = bankWithKiosk(serviceData);
        try (LivenessServer server = TestAccount.in(LivenessServer.open(serviceData, Models.fromClasspath())).start("127.0.0.1", 0)) {
            JsonObject result = detect("--source", clip("liveportrait_d18_man_yawn_mouth_open"), "--distance", CLOSE_UP,
                    "--server", "http://127.0.0.1:" + server.port(), "--access-key", bank.accessKey(),
                    "--secret-key", "a-guessed-secret", "--market", "ID", "--application-id", "org.bank.kiosk",
                    "--enrollment-code", enrollmentCode(serviceData, bank));

            assertEquals("AUTH_PARAMETER_ERROR", result.get("code").getAsString(), result.toString());
            assertTrue(result.get("message").getAsString().contains("key"), result.toString());
            assertTrue(result.get("detail").getAsString().startsWith("IAM_FAILED"), result.toString());
            assertFalse(result.has("actions"), "no session ran");
        }
    }

    @Test
    void aDarkFaceIsWeakLight() throws IOException {
        JsonObject result = detect("--source", darkenedAsACameraGivesIt("skimage_astronaut_eileen_collins.png", 0.12, 40).toString(),
                "--fps", "10", "--prepare-timeout", "3", "--distance", "30-200");

        assertEquals("WEAK_LIGHT", result.get("code").getAsString());
    }

    @Test
    void aBlownOutFaceIsStrongLight() throws IOException {
        JsonObject result = detect("--source", repeated("overexposed_flickr_floris_van_lint_ccbync20.jpg", 40).toString(),
                "--fps", "10", "--prepare-timeout", "3");

        assertEquals("STRONG_LIGHT", result.get("code").getAsString());
    }

    @Test
    void anAlteredModelIsModelError() throws IOException {
        Path models = ModelFiles.copyAll(temp.resolve("models"));
        Files.write(models.resolve("face_detection_short_range.tflite"), new byte[] {1, 2, 3});

        JsonObject result = detect("--models", models.toString(), "--source", clip("liveportrait_d18_man_yawn_mouth_open"));

        assertEquals("MODEL_ERROR", result.get("code").getAsString());
        assertTrue(result.get("detail").getAsString().contains("face_detection_short_range.tflite"), result.toString());
    }

    @Test
    void aRecordingThatCannotBeReadIsDeviceNotSupportSayingSoNotACamerasFault() throws IOException {
        JsonObject result = detect("--source", notAClip().toString());

        assertEquals("DEVICE_NOT_SUPPORT", result.get("code").getAsString());
        assertEquals(DetectCommand.UNREADABLE_RECORDING, result.get("message").getAsString(), result.toString());
        assertTrue(result.get("detail").getAsString().contains("not-a-clip.avi"), result.toString());
    }

    /** A text file named as a clip: the session is drawn and asked, then ends at its first frame. */
    private Path notAClip() throws IOException {
        return Files.writeString(temp.resolve("not-a-clip.avi"), "this is not a video");
    }

    @Test
    void noCameraIsDeviceNotSupportWithItsAdvice() {
        assumeFalse(Files.exists(Path.of("/dev/video0")), "this machine has a camera");
        JsonObject result = detect("--source", "camera:0");

        assertEquals("DEVICE_NOT_SUPPORT", result.get("code").getAsString());
        assertTrue(result.get("message").getAsString().contains("Attach or free the camera"), result.toString());
    }

    /** A still photograph held up to the camera, well placed, never passes, whatever is asked. */
    @ParameterizedTest
    @EnumSource(ActionType.class)
    void aPhotographRepeatedAsVideoNeverPasses(ActionType action) throws IOException {
        JsonObject result = detect("--source", photographHeldUp(80, 0, 0).toString(), "--fps", "10",
                "--actions", action.name(), "--action-timeout", "5");

        assertEquals("ACTION_TIMEOUT", result.get("code").getAsString(), result.toString());
        assertEquals(0, result.getAsJsonArray("actions").size(), result.toString());
    }

    /** Swayed, turned in the image plane, moved sideways and brought nearer, a photograph still shows no action. */
    @ParameterizedTest
    @EnumSource(ActionType.class)
    void aPhotographMovedAndRotatedNeverPasses(ActionType action) throws IOException {
        JsonObject result = detect("--source", photographHeldUp(80, 10, 40).toString(), "--fps", "10",
                "--actions", action.name(), "--action-timeout", "5");

        assertEquals("ACTION_TIMEOUT", result.get("code").getAsString(), result.toString());
        assertEquals(0, result.getAsJsonArray("actions").size(), result.toString());
    }

    /**
     * The image in a dim room, as the kiosk's camera gives it (640×480, the resolution it asks for),
     * repeated: a kiosk analyses, and records for the service, frames of at most 640 pixels.
     *
     * @param light the share of the light left
     */
    private Path darkenedAsACameraGivesIt(String image, double light, int frames) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("camera"));
        try (Mat original = imread(SharedData.image(image).toString()); Mat fitted = new Mat(); Mat dim = new Mat()) {
            Letterbox.fit(original, 640, 480, fitted);
            fitted.convertTo(dim, -1, light, 0);
            for (int i = 0; i < frames; i++) {
                imwrite(folder.resolve(String.format("%04d.png", i)).toString(), dim);
            }
        }
        return folder;
    }

    private Path repeated(String image, int frames) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("repeated"));
        byte[] bytes = Files.readAllBytes(SharedData.image(image));
        String extension = image.substring(image.lastIndexOf('.'));
        for (int i = 0; i < frames; i++) {
            Files.write(folder.resolve(String.format("%04d%s", i, extension)), bytes);
        }
        return folder;
    }

    /**
     * Frames of a 640×480 camera filmed while someone holds up the astronaut's portrait with her
     * face in the middle of the frame, swaying it by up to {@code degrees} and {@code pixels}
     * sideways and bringing it a little nearer.
     */
    private Path photographHeldUp(int frames, double degrees, double pixels) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photograph"));
        Mat photo = imread(SharedData.image("skimage_astronaut_eileen_collins.png").toString(), IMREAD_COLOR);
        Point2f faceCentre = new Point2f(225, 123);
        for (int i = 0; i < frames; i++) {
            double phase = 2 * Math.PI * i / 40;
            Mat transform = getRotationMatrix2D(faceCentre, degrees * Math.sin(phase), 1.5 + 0.2 * i / frames);
            DoubleIndexer shift = transform.createIndexer();
            shift.put(0, 2, shift.get(0, 2) + 320 + pixels * Math.sin(phase) - faceCentre.x());
            shift.put(1, 2, shift.get(1, 2) + 240 - faceCentre.y());
            shift.close();
            Mat frame = new Mat();
            warpAffine(photo, frame, transform, new Size(640, 480));
            imwrite(folder.resolve(String.format("%04d.png", i)).toString(), frame);
            frame.close();
            transform.close();
        }
        photo.close();
        return folder;
    }
}
