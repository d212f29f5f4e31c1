-- The review queue (issue 28): people at the bank decide the sessions the service left to a person.

-- A bank's reviewer: a person of one account, never an API key, who signs in with the name. The
-- password is kept as its Argon2id hash only; five wrong passwords in a row lock the sign-in.
CREATE TABLE reviewer (
    id              VARCHAR(36)  PRIMARY KEY,
    account_id      VARCHAR(36)  NOT NULL REFERENCES account (id),
    name            VARCHAR(100) NOT NULL UNIQUE,
    password_hash   VARCHAR(200) NOT NULL,
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    BIGINT       NOT NULL DEFAULT 0,
    created_at      BIGINT       NOT NULL
);

-- A reviewer's signed-in browser: the cookie's token is stored as its SHA-256 only. It expires
-- when left idle, and a working day after sign-in at the latest.
CREATE TABLE reviewer_session (
    token_hash  VARCHAR(64) PRIMARY KEY,
    reviewer_id VARCHAR(36) NOT NULL REFERENCES reviewer (id),
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);

-- The sessions waiting for a person, filed as their result is stored. Deleting the result (the
-- customer's erasure) takes it out of the queue; its audit below stays.
CREATE TABLE review_queue (
    liveness_id VARCHAR(64) PRIMARY KEY REFERENCES liveness_result (liveness_id) ON DELETE CASCADE,
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    queued_at   BIGINT      NOT NULL
);

CREATE INDEX review_queue_of_account ON review_queue (account_id, queued_at);

-- The share of an account's verified sessions, in percent, that is queued as well, drawn at random as
-- each is stored: a check of the checks (accounts review-sample). None unless the account asks.
ALTER TABLE account ADD COLUMN review_sample_percent INTEGER NOT NULL DEFAULT 0;

-- Results stored before the queue existed that were left to a person (below the passing 50, no
-- presentation or injection found) are queued too.
INSERT INTO review_queue (liveness_id, account_id, queued_at)
    SELECT liveness_id, account_id, created_at FROM liveness_result
    WHERE score < 50 AND (attack_type IS NULL OR attack_type NOT IN ('1', '2'));

-- Every reviewer action, append-only: the service never updates nor deletes a row, neither the
-- retention nor a result's deletion, and no row references a result, so that erasing a result
-- leaves what was decided of it. A decision carries its number for the session (1, 2, …): the
-- highest is in force, the earlier stay, and two reviewers deciding at once cannot both take the
-- same number. Each row is signed with the service's key (HMAC-SHA256, ReviewQueue.signedText).
CREATE TABLE review_action (
    id          VARCHAR(36)  PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL,
    reviewer_id VARCHAR(36)  NOT NULL,
    at          BIGINT       NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    liveness_id VARCHAR(64),
    decision_no INTEGER,
    seen        VARCHAR(400),
    reason      VARCHAR(500),
    signature   VARCHAR(64)  NOT NULL,
    UNIQUE (liveness_id, decision_no)
);

CREATE INDEX review_action_of_session ON review_action (account_id, liveness_id);
