-- The reference liveness service's storage. Portable SQL: SQLite by default, PostgreSQL for a fleet.
-- Secrets, tokens and images are never stored in the clear: secrets and images are encrypted
-- (AES-GCM), tokens and tickets are stored as their SHA-256 only.

CREATE TABLE account (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    market      VARCHAR(20)  NOT NULL,
    access_key  VARCHAR(64)  NOT NULL UNIQUE,
    secret_key  BYTEA        NOT NULL,
    enabled     INTEGER      NOT NULL
);

CREATE TABLE application (
    account_id     VARCHAR(36)  NOT NULL REFERENCES account (id),
    application_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (account_id, application_id)
);

CREATE TABLE access_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    expires_at  BIGINT      NOT NULL
);

CREATE TABLE kiosk_ticket (
    ticket_hash    VARCHAR(64)  PRIMARY KEY,
    account_id     VARCHAR(36)  NOT NULL REFERENCES account (id),
    application_id VARCHAR(200) NOT NULL,
    device_id      VARCHAR(200) NOT NULL,
    expires_at     BIGINT       NOT NULL
);

CREATE TABLE signature (
    signature_id VARCHAR(64) PRIMARY KEY,
    account_id   VARCHAR(36) NOT NULL REFERENCES account (id),
    created_at   BIGINT      NOT NULL,
    liveness_id  VARCHAR(64)
);

CREATE TABLE liveness_result (
    liveness_id  VARCHAR(64)  PRIMARY KEY,
    account_id   VARCHAR(36)  NOT NULL REFERENCES account (id),
    session_id   VARCHAR(64)  NOT NULL,
    signature_id VARCHAR(64),
    user_id      VARCHAR(200),
    score        INTEGER      NOT NULL,
    attack_type  VARCHAR(40),
    sdk_version  VARCHAR(40)  NOT NULL,
    platform     VARCHAR(40)  NOT NULL,
    best_image   BYTEA,
    created_at   BIGINT       NOT NULL,
    UNIQUE (account_id, session_id)
);
