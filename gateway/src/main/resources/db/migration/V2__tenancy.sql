-- Staff-specific Cal.com requests identify the event type by slug + username, not by id.
ALTER TABLE services ADD COLUMN calcom_event_type_slug VARCHAR(200);

-- Callers choose staff by name ("bei Anna"), so a name must identify one person within a company;
-- it is also the tenant importer's natural key.
ALTER TABLE staff ADD CONSTRAINT uq_staff_company_name UNIQUE (company_id, name);

-- The active-calls gauge counts recent ongoing calls on every scrape.
CREATE INDEX ix_calls_status_created ON calls (status, created_at);
