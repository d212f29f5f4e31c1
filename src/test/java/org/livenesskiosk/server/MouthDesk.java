package org.livenesskiosk.server;

import java.nio.file.Path;

import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.testdata.EnrolledKiosk;
import org.livenesskiosk.vision.Models;

/**
 * A service of its own whose demo account asks for an open mouth (what {@link RecordedSessions#MOUTH_CLIP}
 * shows), with one enrolled kiosk authorized at it: what a test of uploads starts from.
 */
record MouthDesk(LivenessServer server, LivenessClient client, String token, String ticket) implements AutoCloseable {

    static MouthDesk open(Path data) throws Exception {
        return on(TestAccount.in(LivenessServer.open(data, Models.fromClasspath())).start("127.0.0.1", 0), data.resolve("kiosk-1"));
    }

    /** The desk on a service already started with the test account in it (a fleet's PostgreSQL, say). */
    static MouthDesk on(LivenessServer server, Path kioskFolder) throws Exception {
        server.accounts().setSettings(TestAccount.ACCESS_KEY, LivenessServiceTest.MOUTH_ONLY);
        return at(server, kioskFolder);
    }

    /** Another kiosk of the same account, enrolled and authorized at this desk's service (which closing either closes). */
    MouthDesk anotherKiosk(Path folder) throws Exception {
        return at(server, folder);
    }

    private static MouthDesk at(LivenessServer server, Path kioskFolder) throws Exception {
        LivenessClient client = EnrolledKiosk.client(server, kioskFolder);
        String token = client.generateToken(TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY);
        String license = client.authLicense(token, 600, TestAccount.APPLICATION_ID);
        String ticket = client.authorize(license, TestAccount.MARKET, TestAccount.APPLICATION_ID, "0.1.0")
                .ticket();
        return new MouthDesk(server, client, token, ticket);
    }

    /** A challenge for the next customer, at the shared clips' close-up distances. */
    KioskApi.ChallengeAnswer challenge() throws ServiceCallException {
        return client.challenge(ticket, new KioskApi.ChallengeRequest(RecordedSessions.CLOSE_UP[0], RecordedSessions.CLOSE_UP[1]));
    }

    @Override
    public void close() {
        server.close();
    }
}
