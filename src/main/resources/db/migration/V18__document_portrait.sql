-- The portrait on the customer's identity document, captured at the kiosk and sent with the session
-- (issue 28): encrypted like the best image, deleted with the result and by the retention like it,
-- and what face/v1/compare uses when the bank sends no document picture of its own.
ALTER TABLE liveness_result ADD COLUMN document_image BYTEA;
