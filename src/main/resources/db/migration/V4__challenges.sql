-- Challenges the service drew for customers: each answers one session, before it expires.
CREATE TABLE challenge (
    challenge_id          VARCHAR(64)  PRIMARY KEY,
    account_id            VARCHAR(36)  NOT NULL REFERENCES account (id),
    device_id             VARCHAR(200) NOT NULL,
    plan                  VARCHAR(100) NOT NULL,
    action_time_limit_ms  BIGINT       NOT NULL,
    prepare_time_limit_ms BIGINT       NOT NULL,
    level                 VARCHAR(10)  NOT NULL,
    min_distance_cm       DOUBLE PRECISION NOT NULL,
    max_distance_cm       DOUBLE PRECISION NOT NULL,
    issued_at             BIGINT       NOT NULL,
    expires_at            BIGINT       NOT NULL,
    session_id            VARCHAR(64)
);

-- Each result's face fingerprints (perceptual hashes of the face region, frame by frame, in order):
-- a later recording that matches them is a replay. Only the hashes are kept, never the frames.
CREATE TABLE fingerprint (
    liveness_id VARCHAR(64) PRIMARY KEY,
    created_at  BIGINT      NOT NULL,
    hashes      BYTEA       NOT NULL
);

CREATE INDEX fingerprint_recent ON fingerprint (created_at);

ALTER TABLE liveness_result ADD COLUMN attack_reason VARCHAR(40);
