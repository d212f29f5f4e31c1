-- The kiosks each account enrolled, and what keeps a signed request from serving twice.

-- One-time codes the bank's administrator makes for a new kiosk: stored as their SHA-256 only,
-- each good for one enrolment until it expires.
CREATE TABLE enrollment_code (
    code_hash   VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(36) NOT NULL REFERENCES account (id),
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    used_at     BIGINT,
    device_id   VARCHAR(36)
);

-- An enrolled kiosk: the service's own id for it, the Ed25519 public key it signs with.
CREATE TABLE device (
    id          VARCHAR(36)  PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL REFERENCES account (id),
    public_key  VARCHAR(200) NOT NULL,
    enrolled_at BIGINT       NOT NULL,
    last_seen   BIGINT,
    revoked_at  BIGINT
);

CREATE INDEX device_of_account ON device (account_id);

-- Signatures already accepted (kiosk requests, token requests), kept until they would be stale anyway.
CREATE TABLE used_signature (
    signature_hash VARCHAR(64) PRIMARY KEY,
    expires_at     BIGINT      NOT NULL
);

CREATE INDEX used_signature_expiry ON used_signature (expires_at);
