-- The similarity from which face/v1/compare answers a match, per account: its administrator sets it
-- with the challenge (accounts settings --match-threshold, 50 to 80). Accounts whose settings were
-- stored before keep the measured 60 the service answered at until now.
ALTER TABLE account_settings ADD COLUMN match_threshold INTEGER NOT NULL DEFAULT 60;
