-- The replay look-up reads a bucket's sessions of the last 30 days: from this index alone, without
-- visiting each row of the table for its date. One face filed thousands of times (a customer who
-- comes back every day, a kiosk sending one face again and again) cost a look-up a random read per
-- session and bucket; here they lie side by side, in date order (docs/identity.md).
CREATE INDEX replay_bucket_window ON replay_bucket (bucket, created_at, liveness_id);
