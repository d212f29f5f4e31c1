package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.testdata.HeadlessChromium;
import org.livenesskiosk.vision.Models;

import com.google.gson.JsonObject;

/**
 * A bank's reviewer at the desk, in a real browser (Debian's Chromium, headless, driven as a person
 * would): signs in, finds the manual check in the queue, opens it and sees its images, the
 * document's portrait, the timeline and the passive cues under the page's policy, approves it with a reason; the bank's back end then reads the review in
 * {@code detection-result}. Another bank's reviewer, signed in the same way, sees nothing of it.
 */
class ReviewPageTest {

    @TempDir
    Path data;

    @Test
    void aReviewerApprovesAManualCheckAndTheOpenApiShowsIt() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(data.resolve("service"), Models.fromClasspath()))
                .start("127.0.0.1", 0)) {
            ReviewDesk desk = new ReviewDesk(server);
            desk.reviewer(TestAccount.ACCESS_KEY, "desk.jakarta");
            desk.reviewer(ReviewDesk.OTHER_ACCESS_KEY, "desk.other");
            String manual = desk.documentedResult(TestAccount.ACCESS_KEY);
            String reason = "Same customer again: <b>ID</b> checked at the desk";

            try (HeadlessChromium.Tab tab = HeadlessChromium.in(Files.createDirectories(data.resolve("chromium")))
                    .open(desk.url() + ReviewPage.PAGE)) {
                tab.waitFor("!document.getElementById('sign-in').hidden", 30, "the sign-in form");
                signIn(tab, "desk.jakarta");
                String row = "document.querySelector('#queue button[data-liveness-id=\"" + manual + "\"]')";
                tab.waitFor(row, 30, "the manual check listed in the queue");
                tab.evaluate("window.violations = []; document.addEventListener('securitypolicyviolation', "
                        + "event => window.violations.push(event.violatedDirective))");
                tab.evaluate(row + ".click()");
                tab.waitFor("!document.getElementById('session').hidden && document.querySelectorAll('#images img').length === 5 && "
                        + "[...document.querySelectorAll('#images img')].every(img => img.complete && img.naturalWidth === 120)", 30,
                        "the session's best, audit, far, near images and the document's portrait shown");
                assertEquals("document portrait", tab.evaluate("document.querySelector('#images img[data-kind=\"DOCUMENT\"]').alt")
                        .getAsString());
                assertEquals("UNSURE_TEXTURE", tab.evaluate("document.getElementById('facts').innerText.includes("
                        + "'UNSURE_TEXTURE') ? 'UNSURE_TEXTURE' : document.getElementById('facts').innerText")
                        .getAsString());
                assertEquals("Far image at 1.30 s|Near image at 2.60 s|BLINK claimed at 4.20 s|MOUTH claimed at 6.90 s|"
                        + "Light colours on screen 7.40 s to 9.10 s|Recording ends at 9.80 s",
                        tab.evaluate("[...document.querySelectorAll('#moments li')].map(item => item.textContent).join('|')").getAsString());
                assertEquals("4", tab.evaluate("(() => { const bar = document.getElementById('timeline').getBoundingClientRect(); "
                        + "const blink = document.querySelectorAll('#timeline .moment')[2].getBoundingClientRect(); "
                        + "return String(Math.round(10 * (blink.left - bar.left) / bar.width)); })()").getAsString(),
                        "the blink drawn at 4.2 of the recording's 9.8 s, its place set under the page's policy");
                assertTrue(tab.evaluate("document.querySelector('#timeline .moment.LIGHT').getBoundingClientRect().width > 20")
                        .getAsBoolean(), "the light step drawn as a span");
                assertEquals("TEXTURE 0.410 37 UNSURE|SHAPE 0.031 5 LIVE|PERSPECTIVE — — ABSENT", tab.evaluate(
                        "[...document.querySelectorAll('#cues tbody tr')].map(row => [...row.cells].map(cell => cell.textContent)"
                                + ".join(' ')).join('|')").getAsString());
                assertEquals("[]", tab.evaluate("JSON.stringify(window.violations)").getAsString(), "nothing the page's policy refused");
                tab.evaluate("document.getElementById('reason').value = " + com.google.gson.JsonParser.parseString("\"\"")
                        + "; document.getElementById('approve').click()");
                assertEquals("", tab.evaluate("document.getElementById('decided').textContent").getAsString(),
                        "without a reason the browser does not even send it");
                tab.evaluate("document.getElementById('reason').value = " + new com.google.gson.Gson().toJson(reason)
                        + "; document.getElementById('approve').click()");
                tab.waitFor("document.getElementById('decided').textContent === 'Decision 1: APPROVED'", 30, "the approval");
                tab.waitFor("document.querySelector('#decisions li') && document.querySelector('#decisions li').textContent.includes('"
                        + "<b>ID</b>')", 10, "the reason listed, as text");
                assertEquals("", tab.evaluate("document.cookie").getAsString(), "the session's cookie is out of the page's reach");
                assertEquals(0, tab.evaluate("document.querySelectorAll('#decisions b').length").getAsInt(), "never as markup");
                tab.screenshot(Files.createDirectories(Path.of("target", "screenshots")).resolve("review-approved.png"));
            }

            JsonObject result = desk.detectionResult(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, manual).getAsJsonObject("data");
            assertEquals("APPROVED", result.get("reviewStatus").getAsString(), result.toString());
            assertEquals(reason, result.get("reviewReason").getAsString());
            assertEquals(server.store().reviewerByName("desk.jakarta").orElseThrow().id(), result.get("reviewerId").getAsString());
            long reviewedAt = result.get("reviewedAt").getAsLong();
            assertFalse(reviewedAt > System.currentTimeMillis() || reviewedAt < System.currentTimeMillis() - 300_000, "when it was decided");

            try (HeadlessChromium.Tab other = HeadlessChromium.in(Files.createDirectories(data.resolve("chromium-other")))
                    .open(desk.url() + ReviewPage.PAGE)) {
                other.waitFor("!document.getElementById('sign-in').hidden", 30, "the sign-in form");
                signIn(other, "desk.other");
                other.waitFor("document.querySelector('#queue tbody td') && document.querySelector('#queue tbody').innerText.includes("
                        + "'Nothing waits')", 30, "the other bank's empty queue");
                assertEquals(0, other.evaluate("document.querySelectorAll('#queue button').length").getAsInt());
            }
        }
    }

    private static void signIn(HeadlessChromium.Tab tab, String name) throws Exception {
        tab.evaluate("document.getElementById('name').value = '" + name + "'; document.getElementById('password').value = '"
                + ReviewDesk.PASSWORD + "'; document.querySelector('#sign-in button').click()");
        tab.waitFor("!document.getElementById('queue-view').hidden", 30, "signed in");
    }
}
