-- What a reviewer reads of a session beside its images (issue 28), kept from now on; results stored
-- before have none of it, and the page says so. Numbers and names only, no picture: the retention
-- leaves them, like the score, and the result's deletion takes them.

-- The timeline: the actions the kiosk claimed, in the order asked, each as ACTION:ms in the
-- recording's time (comma-separated; the re-run bore them out within a frame unless the reason says
-- CLAIMS_DISAGREE), the recording's last frame's time, and when the light step's colours were on the
-- kiosk's screen (NULL without the step, or when it showed none).
ALTER TABLE liveness_result ADD COLUMN claimed_actions VARCHAR(400);
ALTER TABLE liveness_result ADD COLUMN recording_ms BIGINT;
ALTER TABLE liveness_result ADD COLUMN light_from_ms BIGINT;
ALTER TABLE liveness_result ADD COLUMN light_to_ms BIGINT;

-- The passive cues the re-run measured (PassiveCues; NULL where a cue was not measured, or the check
-- stopped before the re-run), and what the replay look-up found (Fingerprints.Replay; NULL when an
-- injection was found before it).
ALTER TABLE liveness_result ADD COLUMN texture DOUBLE PRECISION;
ALTER TABLE liveness_result ADD COLUMN textured_frames INTEGER;
ALTER TABLE liveness_result ADD COLUMN flatness DOUBLE PRECISION;
ALTER TABLE liveness_result ADD COLUMN flat_pairs INTEGER;
ALTER TABLE liveness_result ADD COLUMN perspective DOUBLE PRECISION;
ALTER TABLE liveness_result ADD COLUMN replay VARCHAR(20);

-- Reviewer management (accounts disable-reviewer, reset-reviewer-password): a disabled reviewer
-- signs in no more, and a page session begun before sessions_from is over, even one whose sign-in
-- was still checking the old password when the reset came.
ALTER TABLE reviewer ADD COLUMN disabled_at BIGINT;
ALTER TABLE reviewer ADD COLUMN sessions_from BIGINT NOT NULL DEFAULT 0;

-- A reviewer's last sign-in, as the administrator's list shows it, is read from the audit.
CREATE INDEX review_action_of_reviewer ON review_action (reviewer_id, action, at);
