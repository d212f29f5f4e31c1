-- The kiosk that sent each result (issue 28): a kiosk asks for the review of its own sessions only,
-- never of another kiosk's, even of the same account. Results from before keep the kiosk their
-- replay fingerprint names, where it is still kept; the others answer no kiosk.
ALTER TABLE liveness_result ADD COLUMN device_id VARCHAR(36);

UPDATE liveness_result SET device_id =
    (SELECT MAX(f.device_id) FROM fingerprint f WHERE f.liveness_id = liveness_result.liveness_id);
