package org.livenesskiosk.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    /**
     * The one account of a service a kiosk embeds for itself: its keys never leave the kiosk's
     * process, so they are read back rather than shown once.
     */
    public record Local(String accessKey, String secretKey, String market, String applicationId) {
        @Override
        public String toString() {
            return "Local[" + accessKey + ", " + market + "]";
        }
    }

    /** A one-time code enrolling one kiosk in an account: shown once, stored hashed. */
    public record Enrollment(String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "Enrollment[expiresAt=" + expiresAt + "]";
        }
    }

    /** One of an account's enrolled kiosks. */
    public record Device(String id, Instant enrolledAt, Optional<Instant> lastSeen, Optional<Instant> revokedAt) {
    }

    /** One of an account's reviewers; {@code lockedUntil} while wrong passwords lock the sign-in. */
    public record Reviewer(String name, Instant createdAt, Optional<Instant> lastSignIn, Optional<Instant> disabledAt,
                           Optional<Instant> lockedUntil) {
    }

    private static final String LOCAL_ACCESS_KEY = "local-kiosk";
    private static final String LOCAL_MARKET = "LOCAL";
    private static final String LOCAL_APPLICATION_ID = "org.livenesskiosk.kiosk";

    private final Store store;
    private final Reviewers reviewers;

    /** @param signer the service's key, which signs each change of a reviewer into the audit */
    Accounts(Store store, Licenses signer) {
        this.store = store;
        this.reviewers = new Reviewers(store, signer, new ReviewQueue(store, signer));
    }

    /** The accounts of the service whose key is in {@code dataDirectory}, records there or in a fleet's database. */
    public static Accounts open(Path dataDirectory, Optional<String> databaseUrl) throws IOException {
        return open(dataDirectory, databaseUrl, SecretBox.inFolder(dataDirectory));
    }

    /** The accounts of a fleet's service, under the key every node is given. */
    public static Accounts open(Path dataDirectory, Optional<String> databaseUrl, SecretBox keys) throws IOException {
        return new Accounts(LivenessServer.store(dataDirectory, databaseUrl, keys), new Licenses(keys));
    }

    public Created create(String name, String market) {
        String accessKey = SecretBox.randomToken().substring(0, 24);
        String secretKey = SecretBox.randomToken();
        store.createAccount(name, market, accessKey, secretKey);
        return new Created(accessKey, secretKey, market);
    }

    /**
     * The account of a kiosk's own embedded service, made at its first use with a random secret key
     * (never the same on two kiosks, never a key anyone could know): it serves this kiosk alone, on
     * loopback.
     */
    public Local local() {
        Store.Account account = store.accountByAccessKey(LOCAL_ACCESS_KEY).orElseGet(() -> {
            Store.Account made = store.createAccount("This kiosk", LOCAL_MARKET, LOCAL_ACCESS_KEY, SecretBox.randomToken());
            store.addApplication(made.id(), LOCAL_APPLICATION_ID);
            return made;
        });
        return new Local(account.accessKey(), account.secretKey(), account.market(), LOCAL_APPLICATION_ID);
    }

    public void addApplication(String accessKey, String applicationId) {
        store.addApplication(account(accessKey).id(), applicationId);
    }

    /**
     * What the account's kiosks ask of customers, from their next authorization on; its documents' faces
     * are matched at the measured default threshold.
     *
     * @throws IllegalArgumentException for a challenge no session could run (a time limit out of range, …)
     */
    public void setSettings(String accessKey, ChallengeSettings settings) {
        setSettings(accessKey, settings, FaceComparison.DEFAULT_MATCH_THRESHOLD);
    }

    /**
     * What the account's kiosks ask of customers, from their next authorization on, and the similarity
     * from which its {@code face/v1/compare} answers a match, from its next call on.
     *
     * @throws IllegalArgumentException for a challenge no session could run (a time limit out of range, …), or a
     *                                  threshold outside {@link FaceComparison#MIN_MATCH_THRESHOLD}–{@link FaceComparison#MAX_MATCH_THRESHOLD}
     */
    public void setSettings(String accessKey, ChallengeSettings settings, int matchThreshold) {
        settings.toConfig();
        if (matchThreshold < FaceComparison.MIN_MATCH_THRESHOLD || matchThreshold > FaceComparison.MAX_MATCH_THRESHOLD) {
            throw new IllegalArgumentException("The match threshold is a similarity from " + FaceComparison.MIN_MATCH_THRESHOLD + " to "
                    + FaceComparison.MAX_MATCH_THRESHOLD + ", not " + matchThreshold);
        }
        store.saveSettings(account(accessKey).id(), settings, matchThreshold);
    }

    public void setEnabled(String accessKey, boolean enabled) {
        store.setEnabled(account(accessKey).id(), enabled);
    }

    /** A one-time code, valid for a day, with which one new kiosk enrols in the account. */
    public Enrollment enrollDevice(String accessKey) {
        return enrollDevice(accessKey, Optional.empty());
    }

    /** A one-time code for a new kiosk of the branch named {@code branch} (at most 100 characters). */
    public Enrollment enrollDevice(String accessKey, Optional<String> branch) {
        if (branch.filter(name -> name.length() > 100).isPresent()) {
            throw new IllegalArgumentException("A branch's name is at most 100 characters");
        }
        Devices.Enrollment enrollment = new Devices(store).newCode(account(accessKey).id(), branch);
        return new Enrollment(enrollment.code(), Instant.ofEpochMilli(enrollment.expiresAt()));
    }

    /** The account's kiosks, in the order they were enrolled. */
    public List<Device> devices(String accessKey) {
        return store.devices(account(accessKey).id()).stream()
                .map(device -> new Device(device.id(), Instant.ofEpochMilli(device.enrolledAt()),
                        device.lastSeen().map(Instant::ofEpochMilli), device.revokedAt().map(Instant::ofEpochMilli)))
                .toList();
    }

    /**
     * Refuses the kiosk from its next request on, whatever ticket it holds.
     *
     * @throws IllegalArgumentException when no kiosk has this id, or it was revoked already
     */
    public void revokeDevice(String deviceId) {
        if (!store.revokeDevice(deviceId, System.currentTimeMillis())) {
            throw new IllegalArgumentException("No kiosk has the id " + deviceId + ", or it was revoked already");
        }
    }

    /**
     * A person of the account who works its review queue on the service's {@code /review} page.
     *
     * @throws IllegalArgumentException for a name taken or malformed, or a password too short
     */
    public void addReviewer(String accessKey, String name, String password) {
        Reviewers.add(store, account(accessKey).id(), name, password, System.currentTimeMillis());
    }

    /** The account's reviewers, the earliest added first. */
    public List<Reviewer> reviewers(String accessKey) {
        long now = System.currentTimeMillis();
        return store.reviewers(account(accessKey).id()).stream()
                .map(reviewer -> new Reviewer(reviewer.name(), Instant.ofEpochMilli(reviewer.createdAt()),
                        reviewer.lastSignIn().map(Instant::ofEpochMilli), reviewer.disabledAt().map(Instant::ofEpochMilli),
                        Optional.of(reviewer.lockedUntil()).filter(until -> until > now).map(Instant::ofEpochMilli)))
                .toList();
    }

    /**
     * Stops the account's reviewer from signing in, and ends their open sessions on the page at once.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or they were disabled already
     */
    public void disableReviewer(String accessKey, String name) {
        reviewers.disable(account(accessKey).id(), name, System.currentTimeMillis());
    }

    /**
     * Lets the account's disabled reviewer sign in again, with the password they had.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or they are not disabled
     */
    public void enableReviewer(String accessKey, String name) {
        reviewers.enable(account(accessKey).id(), name, System.currentTimeMillis());
    }

    /**
     * Gives the account's reviewer a new password, ends their open sessions on the page and lifts the sign-in lock.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or the password is too short
     */
    public void resetReviewerPassword(String accessKey, String name, String password) {
        reviewers.resetPassword(account(accessKey).id(), name, password, System.currentTimeMillis());
    }

    /**
     * The share of the account's verified sessions, drawn at random as each is stored, that enters
     * its review queue beside the manual checks.
     *
     * @throws IllegalArgumentException for a share outside 0–100 %
     */
    public void setReviewSample(String accessKey, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("The share of verified sessions to review is 0 to 100 %, not " + percent);
        }
        store.setReviewSample(account(accessKey).id(), percent);
    }

    private Store.Account account(String accessKey) {
        return store.accountByAccessKey(accessKey)
                .orElseThrow(() -> new IllegalArgumentException("No account has the access key " + accessKey));
    }
}
