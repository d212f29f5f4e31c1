-- Services made before this version created a demo account with keys printed in the README
-- (demo-access-key / demo-secret-key). Nobody may use it any more: a service's accounts come from
-- `accounts create` (or, for a kiosk's own embedded service, a random key of its own).
UPDATE account SET enabled = 0 WHERE access_key = 'demo-access-key';
