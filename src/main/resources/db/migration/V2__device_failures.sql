-- Failed uploads per kiosk device, for the attempt limit: too many in a short time locks the device out.
CREATE TABLE device_failure (
    account_id VARCHAR(36)  NOT NULL REFERENCES account (id),
    device_id  VARCHAR(200) NOT NULL,
    failed_at  BIGINT       NOT NULL
);

CREATE INDEX device_failure_recent ON device_failure (account_id, device_id, failed_at);
