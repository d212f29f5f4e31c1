package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.livenesskiosk.protocol.ChallengeSettings;

/** Managing the service's accounts: who may use it, with which keys, markets and application ids. */
public final class Accounts {

    /** A new account's keys: the secret key is shown once, here, and stored only encrypted. */
    public record Created(String accessKey, String secretKey, String market) {
        @Override
        public String toString() {
            return "Created[" + accessKey + ", " + market + "]";
        }
    }

    private final Store store;

    Accounts(Store store) {
        this.store = store;
    }

    /** The accounts of the service whose key is in {@code dataDirectory}, records there or in a fleet's database. */
    public static Accounts open(Path dataDirectory, Optional<String> databaseUrl) throws IOException {
        return new Accounts(LivenessServer.store(dataDirectory, databaseUrl));
    }

    public Created create(String name, String market) {
        String accessKey = SecretBox.randomToken().substring(0, 24);
        String secretKey = SecretBox.randomToken();
        store.createAccount(name, market, accessKey, secretKey);
        return new Created(accessKey, secretKey, market);
    }

    public void addApplication(String accessKey, String applicationId) {
        store.addApplication(account(accessKey).id(), applicationId);
    }

    /** What the account's kiosks ask of customers, from their next authorization on. */
    public void setSettings(String accessKey, ChallengeSettings settings) {
        store.saveSettings(account(accessKey).id(), settings);
    }

    public void setEnabled(String accessKey, boolean enabled) {
        store.setEnabled(account(accessKey).id(), enabled);
    }

    private Store.Account account(String accessKey) {
        return store.accountByAccessKey(accessKey)
                .orElseThrow(() -> new IllegalArgumentException("No account has the access key " + accessKey));
    }
}
