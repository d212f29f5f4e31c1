-- The mobile SDK's last settings and its audit image.

-- The side of the square best image each account's kiosks keep (the SDK's 300–1000, 600 by default),
-- and the one each challenge asked for.
ALTER TABLE account_settings ADD COLUMN result_image_size INTEGER NOT NULL DEFAULT 600;
ALTER TABLE challenge ADD COLUMN result_image_size INTEGER NOT NULL DEFAULT 600;

-- "shuffle" meant two of the actions at random, a head turn last; it now shuffles the actions given,
-- as the SDK's setActionSequence(shuffle, actions) does, and no actions stands for the SDK's default
-- (two of blink, mouth and head turn at random, the turn last). The accounts that asked for that
-- default keep it; a shorter list shuffled keeps every action it names.
UPDATE account_settings SET actions = '' WHERE shuffle = 1 AND actions = 'BLINK,MOUTH,POS_YAW';

-- One frame from the session's actions, for a person reviewing the result: encrypted like the best
-- image, and deleted with it.
ALTER TABLE liveness_result ADD COLUMN audit_image BYTEA;
