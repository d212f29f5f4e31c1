-- The replay index: every session of the replay window, filed under the buckets of its face
-- (signs of its embedding's projections, see FaceBuckets), so that a check reads the few sessions
-- of a face like the new one, however many are stored. One-way like the fingerprints: a bucket
-- is a few signs, not a face. Both stay for the replay window, even after the result is deleted.
CREATE TABLE replay_bucket (
    bucket      BIGINT      NOT NULL,
    liveness_id VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (bucket, liveness_id)
);

CREATE INDEX replay_bucket_created ON replay_bucket (created_at);

-- The fingerprints stored so far hash the face's box as the frame shows it; the new ones hash the
-- face aligned on its landmarks, and the two cannot be compared.
DELETE FROM fingerprint;
