package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;

/** With every logger at its most talkative, no key, token, ticket, license, password or reviewer's session reaches the log. */
class SecretsNotLoggedTest {

    @TempDir
    Path data;

    @Test
    void theWholePathLogsNoSecret() throws Exception {
        assertNoneLogged(() -> {
            try (LivenessServer server = RecordedSessions.askingForTheMouth(
                    TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0))) {
                LivenessClient client = EnrolledKiosk.client(server, data.resolve("kiosk"));
                String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
                String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
                String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                        .ticket();
                UploadRequest upload = RecordedSessions.upload(RecordedSessions.mouthSession(),
                        client.challenge(ticket, new KioskApi.ChallengeRequest(15, 120)), null, null);
                client.upload(ticket, upload);
                String frame = upload.recording().frames().get(10);
                return List.of(TestAccount.SECRET_KEY, token, license.substring(0, 40), ticket, frame.substring(100, 160),
                        upload.bestImage().substring(100, 160));
            }
        });
    }

    @Test
    void aReviewersPasswordsSessionAndCsrfTokenAreNeverLogged() throws Exception {
        assertNoneLogged(() -> {
            try (LivenessServer server = TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0)) {
                ReviewDesk desk = new ReviewDesk(server);
                desk.reviewer(TestAccount.ACCESS_KEY, "desk");
                String manual = desk.result(TestAccount.ACCESS_KEY, SessionCheck.UNCERTAIN_SCORE, "UNSURE_SAME_KIOSK_AGAIN");
                String wrong = "a wrong password 4711";
                desk.signIn("desk", wrong);
                ReviewDesk.Browser browser = desk.signIn("desk", ReviewDesk.PASSWORD);
                desk.call(browser, "GET", ReviewDesk.session(manual), null);
                desk.send("GET", ReviewDesk.session(manual) + "/images/BEST", null, browser.cookie(), null);
                desk.send("POST", ReviewDesk.decision(manual), "{not json", browser.cookie(), browser.csrf());
                desk.call(browser, "POST", ReviewDesk.decision(manual), Map.of("decision", "APPROVED", "reason", "checked"));
                return List.of(ReviewDesk.PASSWORD, wrong, browser.cookie().substring(browser.cookie().indexOf('=') + 1), browser.csrf());
            }
        });
    }

    @FunctionalInterface
    private interface Secrets {
        /** Runs what is logged, and names the secrets that must not be. */
        List<String> run() throws Exception;
    }

    private static void assertNoneLogged(Secrets work) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.setContext(context);
        log.start();
        // At TRACE the libraries write hundreds of lines: they are this test's to read, not the build log's.
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(root::detachAppender);
        root.addAppender(log);
        root.setLevel(Level.TRACE);
        List<String> secrets;
        try {
            secrets = work.run();
        } finally {
            root.setLevel(before);
            root.detachAppender(log);
            console.forEach(root::addAppender);
        }

        assertTrue(log.list.size() > 10, "the log was captured");
        for (ILoggingEvent event : log.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "the log holds a secret: " + event.getLoggerName() + ": " + line);
            }
        }
    }
}
