package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.kiosk.SettingsFile;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.ui.HistoryEntry;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.Language;
import org.livenesskiosk.vision.Models;

/**
 * A kiosk asks the service, over real HTTP and signed, how the bank's review of its own manual
 * checks stands: it learns the status, when and why, never who decided; another kiosk of the same
 * bank and a kiosk of another bank learn nothing of those sessions, not even that they exist.
 */
class KioskReviewStateTest {

    @TempDir
    Path data;

    /** An enrolled kiosk of the account, authorized: its client and its ticket. */
    private record Kiosk(LivenessClient client, String ticket) {

        List<KioskApi.SessionReview> reviews(List<String> sessionIds) throws ServiceCallException {
            return client.reviews(ticket, sessionIds);
        }
    }

    @Test
    void aKioskLearnsTheReviewOfItsOwnSessionsAndNoOtherKioskDoes() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            ReviewDesk desk = new ReviewDesk(server);
            server.store().addApplication(desk.account(ReviewDesk.OTHER_ACCESS_KEY).id(), TestAccount.APPLICATION_ID);
            Kiosk ours = kiosk(server, "kiosk-1", TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            Kiosk sameBank = kiosk(server, "kiosk-2", TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            Kiosk otherBank = kiosk(server, "kiosk-3", ReviewDesk.OTHER_ACCESS_KEY, ReviewDesk.OTHER_SECRET_KEY);

            String approved = result(server, ours, SessionCheck.UNCERTAIN_SCORE);
            String rejected = result(server, ours, SessionCheck.UNCERTAIN_SCORE);
            String pending = result(server, ours, SessionCheck.UNCERTAIN_SCORE);
            String verified = result(server, ours, SessionCheck.VERIFIED_SCORE);
            List<String> sessions = List.of(session(approved), session(rejected), session(pending), session(verified), "never-sent");
            assertEquals(List.of(KioskApi.ReviewStatus.PENDING, KioskApi.ReviewStatus.PENDING, KioskApi.ReviewStatus.PENDING),
                    ours.reviews(sessions).stream().map(KioskApi.SessionReview::status).toList(), "queued, not decided yet");

            desk.reviewer(TestAccount.ACCESS_KEY, "branch.desk");
            ReviewDesk.Browser browser = desk.signIn("branch.desk", ReviewDesk.PASSWORD);
            long before = System.currentTimeMillis();
            desk.call(browser, "POST", ReviewDesk.decision(approved), Map.of("decision", "APPROVED", "reason", "ID checked at the desk"));
            desk.call(browser, "POST", ReviewDesk.decision(rejected), Map.of("decision", "REJECTED", "reason", "A screen's edge"));

            Map<String, KioskApi.SessionReview> answered = new HashMap<>();
            ours.reviews(sessions).forEach(review -> answered.put(review.sessionId(), review));
            assertEquals(List.of(session(approved), session(rejected), session(pending)).stream().sorted().toList(),
                    answered.keySet().stream().sorted().toList(), "a verified session and an unknown one are absent");
            KioskApi.SessionReview approval = answered.get(session(approved));
            assertEquals(KioskApi.ReviewStatus.APPROVED, approval.status());
            assertEquals("ID checked at the desk", approval.reason());
            assertTrue(approval.decidedAt() >= before, "when the reviewer decided");
            assertEquals(new KioskApi.SessionReview(session(rejected), KioskApi.ReviewStatus.REJECTED,
                    answered.get(session(rejected)).decidedAt(), "A screen's edge"), answered.get(session(rejected)));
            assertEquals(new KioskApi.SessionReview(session(pending), KioskApi.ReviewStatus.PENDING, null, null),
                    answered.get(session(pending)));
            String reviewerId = server.store().reviewerByName("branch.desk").orElseThrow().id();
            assertTrue(answered.values().stream().noneMatch(review -> review.toString().contains(reviewerId)
                    || review.toString().contains("branch.desk")), "the reviewer is not named to a kiosk");

            assertEquals(List.of(), sameBank.reviews(sessions), "another kiosk of the same bank learns nothing of them");
            assertEquals(List.of(), otherBank.reviews(sessions), "nor does another bank's");
            String theirs = result(server, sameBank, SessionCheck.UNCERTAIN_SCORE);
            assertEquals(List.of(session(theirs)), sameBank.reviews(List.of(session(theirs), session(pending))).stream()
                    .map(KioskApi.SessionReview::sessionId).toList(), "each kiosk its own");
            assertEquals(List.of(), ours.reviews(List.of()), "nothing asked, nothing answered");
        }
    }

    @Test
    void tooManySessionIdsOrAnOverlongOneAreRefusedWithTheirCode() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
            Kiosk kiosk = kiosk(server, "kiosk-1", TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
            List<String> most = IntStream.range(0, KioskApi.ReviewsRequest.MAX_REVIEWS).mapToObj(i -> "s-" + i).toList();
            assertEquals(List.of(), kiosk.reviews(most), "the most a kiosk may ask at once");
            List<String> tooMany = new ArrayList<>(most);
            tooMany.add("s-one-more");
            for (List<String> refused : List.of(tooMany, List.of("x".repeat(Challenges.MAX_SESSION_ID + 1)), List.of(" "))) {
                ServiceCallException refusal = assertThrows(ServiceCallException.class, () -> kiosk.reviews(refused));
                assertEquals("PARAMETER_ERROR", refusal.serviceCode(), refusal.getMessage());
            }
            LivenessClient unauthorized = EnrolledKiosk.client(server, data.resolve("kiosk-2"));
            ServiceCallException noTicket = assertThrows(ServiceCallException.class, () -> unauthorized.reviews("no-such-ticket", most));
            assertEquals("AUTH_TICKET_DISABLE", noTicket.serviceCode(), "a kiosk route with a ticket, like the uploads");
        }
    }

    /**
     * The real kiosk asks about its delivered manual checks (those in its kiosk.db) when the console
     * asks, keeps the answer, and shows it still when the service is gone.
     */
    @Test
    void theKioskKeepsTheReviewOfItsDeliveredManualChecksAndShowsItOffline() throws Exception {
        LivenessServer server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath())).start("127.0.0.1", 0);
        KioskSettings settings = new KioskSettings("http://127.0.0.1:" + server.port(), TestAccount.MARKET, TestAccount.APPLICATION_ID,
                "", TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, "camera:0", false, List.of(ActionType.MOUTH), false, 10, 10,
                DetectionLevel.NORMAL, List.of(Language.values()), true, false, 60, "", "", 600, false, false, 2, "", "")
                .withEnrollmentCode(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code());
        try (org.livenesskiosk.kiosk.Kiosk kiosk = new org.livenesskiosk.kiosk.Kiosk(new SettingsFile(data.resolve("kiosk.json")),
                settings, data.resolve("kiosk"), Models.fromClasspath(), new org.livenesskiosk.kiosk.Kiosk.Overrides(
                        Optional.of("camera:0"), Optional.empty(), new double[] {15, 120}, Optional.of(false), Optional.empty(),
                        Optional.empty()))) {
            assertTrue(kiosk.authorization().get(30, TimeUnit.SECONDS).until().isPresent(), "enrolled and authorized");
            Store store = server.store();
            String accountId = store.accountByAccessKey(TestAccount.ACCESS_KEY).orElseThrow().id();
            String deviceId = store.devices(accountId).get(0).id();
            String approved = storedResult(store, accountId, deviceId);
            String pending = storedResult(store, accountId, deviceId);
            String notSent = storedResult(store, accountId, deviceId);
            try (Connection database = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kiosk").resolve("kiosk.db"));
                 Statement sql = database.createStatement()) {
                for (String livenessId : List.of(approved, pending, notSent)) {
                    sql.executeUpdate("INSERT INTO session_history (session_id, finished_at, code, detail, manual_check, liveness_id, "
                            + "upload_state) VALUES ('" + session(livenessId) + "', '" + Instant.now() + "', 'SUCCESS', '', 1, "
                            + (livenessId.equals(notSent) ? "NULL, 'WAITING'" : "'" + livenessId + "', 'SENT'") + ")");
                }
            }
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "branch.desk");
            desk.call(desk.signIn("branch.desk", ReviewDesk.PASSWORD), "POST", ReviewDesk.decision(approved),
                    Map.of("decision", "APPROVED", "reason", "ID checked at the desk"));

            Map<String, Optional<HistoryEntry.Review>> shown = reviews(kiosk.reviewedHistory().get(30, TimeUnit.SECONDS));
            assertEquals(HistoryEntry.ReviewStatus.APPROVED, shown.get(session(approved)).orElseThrow().status());
            assertEquals(Optional.of("ID checked at the desk"), shown.get(session(approved)).orElseThrow().reason());
            assertEquals(HistoryEntry.ReviewStatus.PENDING, shown.get(session(pending)).orElseThrow().status());
            assertEquals(Optional.empty(), shown.get(session(notSent)), "a session not delivered is not asked about");

            server.close();
            Map<String, Optional<HistoryEntry.Review>> offline = reviews(kiosk.reviewedHistory().get(60, TimeUnit.SECONDS));
            assertEquals(shown, offline, "the service gone, the kiosk shows what it last knew, without an error");
        } finally {
            server.close();
        }
    }

    private static Map<String, Optional<HistoryEntry.Review>> reviews(List<HistoryEntry> history) {
        Map<String, Optional<HistoryEntry.Review>> reviews = new HashMap<>();
        history.forEach(entry -> reviews.put(entry.sessionId(), entry.review()));
        return reviews;
    }

    /** A manual check of the account as the service stores it after the kiosk's upload, queued for the review. */
    private static String storedResult(Store store, String accountId, String deviceId) {
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        store.saveResult(new Store.StoredResult(livenessId, accountId, session(livenessId), Optional.empty(), Optional.empty(),
                SessionCheck.UNCERTAIN_SCORE, Optional.empty(), Optional.of("UNSURE_SAME_KIOSK_AGAIN"), "0.9.3", "kiosk", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), new Fingerprints(), deviceId, System.currentTimeMillis());
        return livenessId;
    }

    private Kiosk kiosk(LivenessServer server, String folder, String accessKey, String secretKey) throws Exception {
        LivenessClient client = EnrolledKiosk.client(server, data.resolve(folder), accessKey);
        String token = client.generateToken(accessKey, secretKey);
        String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
        return new Kiosk(client, client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0").ticket());
    }

    /** A result the kiosk sent, as the service stores it after a check (see ReviewDesk.result): its livenessId. */
    private static String result(LivenessServer server, Kiosk kiosk, int score) throws IOException {
        Store store = server.store();
        String livenessId = UUID.randomUUID().toString().replace("-", "");
        String accountId = store.device(kiosk.client().deviceId().orElseThrow()).orElseThrow().accountId();
        store.saveResult(new Store.StoredResult(livenessId, accountId, session(livenessId), Optional.empty(), Optional.empty(), score,
                Optional.empty(), Optional.of("UNSURE_SAME_KIOSK_AGAIN"), "0.9.3", "kiosk", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), new Fingerprints(), kiosk.client().deviceId().orElseThrow(),
                System.currentTimeMillis());
        return livenessId;
    }

    private static String session(String livenessId) {
        return "s-" + livenessId;
    }
}
