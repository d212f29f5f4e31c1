package org.livenesskiosk.server;

import java.util.Optional;

/**
 * The account the tests' services are opened with, with keys known to the tests alone: a service
 * makes no account by itself ({@code serve} accepts no key until {@code accounts create}), so a
 * test that needs one makes it here.
 */
public final class TestAccount {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String MARKET = "TEST";
    public static final String APPLICATION_ID = "org.livenesskiosk.kiosk";

    private TestAccount() {
    }

    /** The livenessId the service gave the test account's session, if it holds one. */
    public static Optional<String> resultOfSession(LivenessServer server, String sessionId) {
        Store store = server.store();
        return store.resultBySession(store.accountByAccessKey(ACCESS_KEY).orElseThrow().id(), sessionId)
                .map(Store.StoredResult::livenessId);
    }

    /** The similarity from which the account's {@code face/v1/compare} answers a match, as the service reads it. */
    public static int matchThreshold(LivenessServer server, String accessKey) {
        Store store = server.store();
        return store.matchThreshold(store.accountByAccessKey(accessKey).orElseThrow().id());
    }

    /** The service, with the test account made in it unless it was already. */
    public static LivenessServer in(LivenessServer server) {
        Store store = server.store();
        if (store.accountByAccessKey(ACCESS_KEY).isEmpty()) {
            Store.Account account = store.createAccount("Test bank", MARKET, ACCESS_KEY, SECRET_KEY);
            store.addApplication(account.id(), APPLICATION_ID);
        }
        return server;
    }
}
