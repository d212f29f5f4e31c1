-- The challenge a fleet's kiosks ask of customers, tuned per account from the service.
CREATE TABLE account_settings (
    account_id            VARCHAR(36)  PRIMARY KEY REFERENCES account (id),
    actions               VARCHAR(100) NOT NULL,
    shuffle               INTEGER      NOT NULL,
    action_time_limit_ms  BIGINT       NOT NULL,
    prepare_time_limit_ms BIGINT       NOT NULL,
    level                 VARCHAR(10)  NOT NULL
);
