-- Holds are Slotline's own (Cal.com's reservations are advisory): each takes one concrete host, a Cal.com username,
-- from its start to its end. A hold is claimed under a row lock on its host (slot_hold_hosts), so two calls on any
-- instance never hold the same host at overlapping times. A Cal.com reservation, when one is made at all, is only
-- a courtesy towards web bookers, so it is optional now.
ALTER TABLE slot_holds ADD COLUMN host VARCHAR(128);
ALTER TABLE slot_holds ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
-- holds older than this migration have no host: they end at their start and block nobody (Cal.com's reservation
-- still stands for them)
UPDATE slot_holds SET ends_at = starts_at;
ALTER TABLE slot_holds ALTER COLUMN ends_at SET NOT NULL;
ALTER TABLE slot_holds ALTER COLUMN reservation_uid DROP NOT NULL;

-- One row per host ever held: the row a claim locks (SELECT ... FOR UPDATE) while it checks and inserts.
CREATE TABLE slot_hold_hosts (
    company_id BIGINT       NOT NULL REFERENCES companies (id),
    host       VARCHAR(128) NOT NULL,
    PRIMARY KEY (company_id, host)
);

-- the claim's overlap check: the host's holds around a time
CREATE INDEX ix_slot_holds_host ON slot_holds (company_id, host, starts_at);
