-- A Retell call id is unique within a company, not across tenants: another tenant's request naming the same id
-- is answered like an unknown id (its own row), never with the first tenant's call or an error that reveals it.
ALTER TABLE calls DROP CONSTRAINT uq_calls_retell_call_id;
ALTER TABLE calls ADD CONSTRAINT uq_calls_company_retell_call_id UNIQUE (company_id, retell_call_id);

-- Webhook deliveries are recognised per company for the same reason (a 30-day dedupe log: recreated, not migrated).
DROP TABLE retell_webhook_events;
CREATE TABLE retell_webhook_events (
    company_id      BIGINT       NOT NULL REFERENCES companies (id),
    event           VARCHAR(32)  NOT NULL,
    retell_call_id  VARCHAR(128) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (company_id, event, retell_call_id)
);
