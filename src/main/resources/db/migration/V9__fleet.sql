-- A fleet: several nodes on one database.

-- What recognises the service's key, never the key itself: a node given another key is refused.
CREATE TABLE service_key (
    id        INTEGER     PRIMARY KEY,
    key_check VARCHAR(64) NOT NULL
);
