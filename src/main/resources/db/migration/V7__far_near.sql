-- The far/near stage (the mobile SDK's "3D mode"): on by default for every account, with its time
-- limit; a challenge records whether it asked for it (its time limit, or NULL without the stage);
-- a result keeps the far and the near face images, encrypted like the best image, and when each was taken.
ALTER TABLE account_settings ADD COLUMN far_near INTEGER NOT NULL DEFAULT 1;
ALTER TABLE account_settings ADD COLUMN far_near_time_limit_ms BIGINT NOT NULL DEFAULT 50000;
ALTER TABLE challenge ADD COLUMN far_near_time_limit_ms BIGINT;
ALTER TABLE liveness_result ADD COLUMN far_image BYTEA;
ALTER TABLE liveness_result ADD COLUMN far_image_time BIGINT;
ALTER TABLE liveness_result ADD COLUMN near_image BYTEA;
ALTER TABLE liveness_result ADD COLUMN near_image_time BIGINT;
