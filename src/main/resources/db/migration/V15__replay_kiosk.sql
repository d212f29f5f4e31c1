-- Which kiosk sent each session the replay index keeps: a session that looks like one its own kiosk
-- sent minutes before may be a still customer trying again, which the pictures alone cannot tell
-- from that recording sent again (Fingerprints.Replay.SAME_KIOSK_AGAIN). Sessions stored before
-- this have no kiosk and count as another kiosk's.
ALTER TABLE fingerprint ADD COLUMN account_id VARCHAR(36);
ALTER TABLE fingerprint ADD COLUMN device_id VARCHAR(36);
