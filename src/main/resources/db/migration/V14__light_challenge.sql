-- The light challenge: the screen shows colours the service drew, and the face must answer them.
-- On by default for every account (light); a session whose screen showed none (a kiosk with the
-- flashes off for a photosensitive customer) is left to a person unless the account says it may
-- be verified on its other checks (unlit_verified).
ALTER TABLE account_settings ADD COLUMN light INTEGER NOT NULL DEFAULT 1;
ALTER TABLE account_settings ADD COLUMN unlit_verified INTEGER NOT NULL DEFAULT 0;
-- A challenge keeps its colours (rgb:ms, comma-separated; NULL without the light step), whether a
-- session without them may be verified, and when the kiosk was shown them: once only.
ALTER TABLE challenge ADD COLUMN light_sequence VARCHAR(256);
ALTER TABLE challenge ADD COLUMN unlit_verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE challenge ADD COLUMN light_revealed_at BIGINT;
-- What the light check made of a session, for the open API: LIVE, ATTACK, UNSURE, NOT_SHOWN, or
-- NULL when the challenge did not ask for it.
ALTER TABLE liveness_result ADD COLUMN light_check VARCHAR(16);
