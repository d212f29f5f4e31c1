package org.livenesskiosk.server;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import org.livenesskiosk.crypto.Argon2id;
import org.livenesskiosk.crypto.Sha256;

/**
 * The bank's reviewers: people of one account who sign in with a name and a password to work the
 * review queue. The password is kept as its Argon2id hash only; {@value #MAX_FAILURES} wrong ones in
 * a row lock the sign-in for {@value #LOCK_MS} ms, and while it is locked no password is even
 * tried. A signed-in browser holds a random token in a cookie; the service keeps its SHA-256, and
 * the session ends after {@value #IDLE_MS} ms unused, or {@value #LONGEST_MS} ms after sign-in. The
 * service's administrator may disable a reviewer or reset their password ({@code accounts}): either
 * ends their page sessions at once.
 */
final class Reviewers {

    static final int MAX_FAILURES = 5;
    static final long LOCK_MS = 15 * 60_000;
    static final long IDLE_MS = 15 * 60_000;
    /** A working day: a reviewer signs in again the next morning. */
    static final long LONGEST_MS = 10 * 3_600_000;
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    /**
     * Hashes at once: each takes 19 MiB for about 50 ms. A flood of sign-ins is answered busy rather
     * than taking the heap and the cores from the face checks.
     */
    private static final Semaphore HASHING = new Semaphore(2);
    /** Checked against a name nobody has, so that an unknown name takes as long as a wrong password. */
    private static final String NOBODY = Argon2id.hash(UUID.randomUUID().toString());

    /** A sign-in: the cookie's token, which the service does not keep, and whose it is. */
    record SignedIn(String token, Store.Reviewer reviewer) {
        @Override
        public String toString() {
            return "SignedIn[" + reviewer + "]";
        }
    }

    private final Store store;
    private final Licenses signer;
    private final ReviewQueue audit;

    Reviewers(Store store, Licenses signer, ReviewQueue audit) {
        this.store = store;
        this.signer = signer;
        this.audit = audit;
    }

    /**
     * A new reviewer of the account.
     *
     * @throws IllegalArgumentException for a name that is taken or not 3–100 of letters, digits and {@code ._@-},
     *                                  or a password shorter than {@value #MIN_PASSWORD} characters
     */
    static void add(Store store, String accountId, String name, String password, long now) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A reviewer's name is 3 to 100 letters, digits and . _ @ -");
        }
        requireFit(password);
        if (store.reviewerByName(name).isPresent()) {
            throw new IllegalArgumentException("A reviewer named " + name + " exists already");
        }
        store.createReviewer(UUID.randomUUID().toString(), accountId, name, Argon2id.hash(password), now);
    }

    /**
     * Disables the account's reviewer: they cannot sign in again, and their open page sessions end at
     * once. Recorded in the audit.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or they were disabled already
     */
    void disable(String accountId, String name, long now) {
        Store.Reviewer reviewer = ofAccount(accountId, name);
        if (!store.disableReviewer(reviewer.id(), now)) {
            throw new IllegalArgumentException("The reviewer " + name + " was disabled already");
        }
        audit.append(reviewer, ReviewQueue.DISABLED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * Lets the account's disabled reviewer sign in again with the password they had: a person back
     * from leave keeps their name in the audit. Recorded in the audit.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or they are not disabled
     */
    void enable(String accountId, String name, long now) {
        Store.Reviewer reviewer = ofAccount(accountId, name);
        if (!store.enableReviewer(reviewer.id())) {
            throw new IllegalArgumentException("The reviewer " + name + " is not disabled");
        }
        audit.append(reviewer, ReviewQueue.ENABLED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * Gives the account's reviewer a new password and ends their open page sessions: whoever held the
     * old one is signed out. The sign-in lock is lifted. Recorded in the audit.
     *
     * @throws IllegalArgumentException when the account has no reviewer of that name, or the password is too short
     */
    void resetPassword(String accountId, String name, String password, long now) {
        requireFit(password);
        Store.Reviewer reviewer = ofAccount(accountId, name);
        store.resetReviewerPassword(reviewer.id(), Argon2id.hash(password), now);
        audit.append(reviewer, ReviewQueue.PASSWORD_RESET, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    private Store.Reviewer ofAccount(String accountId, String name) {
        return store.reviewerByName(name).filter(reviewer -> reviewer.accountId().equals(accountId))
                .orElseThrow(() -> new IllegalArgumentException("The account has no reviewer named " + name));
    }

    private static void requireFit(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new IllegalArgumentException("A reviewer's password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }

    /**
     * Signs the reviewer in. A disabled reviewer is answered as an unknown name, after as long a check:
     * whoever tries learns neither that the name exists nor that it was disabled.
     *
     * @throws ServiceException {@code REVIEWER_LOCKED} while locked, {@code REVIEWER_SIGN_IN_FAILED} for
     *                          a wrong name or password (the same for both), {@code SERVICE_BUSY} when
     *                          too many sign-ins are being checked at once
     */
    SignedIn signIn(String name, String password, long now) {
        Optional<Store.Reviewer> found = Optional.ofNullable(name).flatMap(store::reviewerByName).filter(reviewer -> !reviewer.disabled())
                .filter(reviewer -> store.accountById(reviewer.accountId()).map(Store.Account::enabled).orElse(false));
        if (found.isPresent() && found.get().lockedUntil() > now) {
            throw locked(found.get(), now);
        }
        if (!HASHING.tryAcquire()) {
            throw new ServiceException("SERVICE_BUSY", "Too many sign-ins at once; try again in a few seconds");
        }
        boolean matches;
        try {
            matches = Argon2id.matches(Optional.ofNullable(password).orElse(""), found.map(Store.Reviewer::passwordHash).orElse(NOBODY));
        } finally {
            HASHING.release();
        }
        if (found.isEmpty() || !matches) {
            found.ifPresent(reviewer -> {
                store.reviewerFailed(reviewer.id(), MAX_FAILURES, now + LOCK_MS);
                audit.append(reviewer, ReviewQueue.SIGN_IN_FAILED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        now);
            });
            throw new ServiceException("REVIEWER_SIGN_IN_FAILED", "The name or the password is wrong");
        }
        Store.Reviewer reviewer = found.get();
        store.reviewerSignedIn(reviewer.id());
        String token = SecretBox.randomToken();
        store.saveReviewerSession(Sha256.hex(token), reviewer.id(), now, now + IDLE_MS);
        audit.append(reviewer, ReviewQueue.SIGN_IN, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
        return new SignedIn(token, reviewer);
    }

    /** The reviewer whose session the token is, while it lasts; each use keeps it alive another {@value #IDLE_MS} ms. */
    Optional<Store.Reviewer> ofSession(String token, long now) {
        return store.reviewerOfSession(Sha256.hex(token), now, now - LONGEST_MS, now + IDLE_MS)
                .filter(reviewer -> store.accountById(reviewer.accountId()).map(Store.Account::enabled).orElse(false));
    }

    void signOut(Store.Reviewer reviewer, String token, long now) {
        store.deleteReviewerSession(Sha256.hex(token));
        audit.append(reviewer, ReviewQueue.SIGN_OUT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /**
     * What the page must send with each change, derived from the session's token: a page of
     * another site can neither read it nor, with the cookie SameSite=Strict, send the cookie.
     */
    String csrfToken(String token) {
        return HexFormat.of().formatHex(signer.sign(("review-csrf:" + token).getBytes(StandardCharsets.UTF_8)));
    }

    private static ServiceException locked(Store.Reviewer reviewer, long now) {
        return new ServiceException("REVIEWER_LOCKED", "Too many wrong passwords: this reviewer may sign in again in "
                + (reviewer.lockedUntil() - now + 59_999) / 60_000 + " min");
    }
}
