-- The bank's review of a manual check (issue 28), as the service last told this kiosk: the console
-- shows it offline too. Status PENDING, APPROVED or REJECTED; none until the service told.
ALTER TABLE session_history ADD COLUMN review_status TEXT;
ALTER TABLE session_history ADD COLUMN review_decided_at TEXT;
ALTER TABLE session_history ADD COLUMN review_reason TEXT;
