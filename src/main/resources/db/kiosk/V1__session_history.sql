-- This kiosk's sessions, for the operator console. No image, nothing biometric.
CREATE TABLE session_history (
    session_id         TEXT PRIMARY KEY,
    finished_at        TEXT NOT NULL,
    customer_reference TEXT,
    code               TEXT NOT NULL,
    liveness_id        TEXT,
    upload_state       TEXT NOT NULL
);
CREATE INDEX session_history_finished_at ON session_history (finished_at);
