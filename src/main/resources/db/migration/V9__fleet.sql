-- A fleet: several nodes on one database.

-- What recognises the service's key, never the key itself: a node given another key is refused.
CREATE TABLE service_key (
    id        INTEGER     PRIMARY KEY,
    key_check VARCHAR(64) NOT NULL
);

-- What each kiosk last told the service when it was authorized (its version, the sessions waiting
-- in its outbox), and the branch the bank's administrator enrolled it for.
ALTER TABLE device ADD COLUMN version VARCHAR(40);
ALTER TABLE device ADD COLUMN outbox_backlog INTEGER;
ALTER TABLE device ADD COLUMN branch VARCHAR(100);
ALTER TABLE enrollment_code ADD COLUMN branch VARCHAR(100);

-- Refusals the fleet answered, by day (UTC) and code: counts only, for the operations team's page.
CREATE TABLE refusal (
    day     VARCHAR(10) NOT NULL,
    code    VARCHAR(40) NOT NULL,
    answers BIGINT      NOT NULL,
    PRIMARY KEY (day, code)
);

CREATE INDEX liveness_result_created ON liveness_result (created_at);
