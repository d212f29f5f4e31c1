-- The operator's side of a result (issue 26): the customer's screen shows neither the code's detail
-- nor the verdict, so the history keeps both. Sessions from before have no detail and no verdict.
ALTER TABLE session_history ADD COLUMN detail TEXT NOT NULL DEFAULT '';
ALTER TABLE session_history ADD COLUMN manual_check INTEGER NOT NULL DEFAULT 0;
