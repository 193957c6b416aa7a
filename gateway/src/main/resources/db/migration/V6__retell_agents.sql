-- Retell agents by id. Web and dashboard test calls carry no phone number, only the agent, so an agent names its
-- company (and branch). Configured agents (admin API, tenant file) are also what call_inbound answers with as
-- override_agent_id: for one number, for a branch, or for the whole company, each optionally for one language.
-- Learnt agents were seen answering one of our numbers; they only route.
CREATE TABLE retell_agents (
    agent_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    company_id  BIGINT       NOT NULL REFERENCES companies (id),
    branch_id   BIGINT,
    e164        VARCHAR(16),
    language    VARCHAR(2),
    learnt      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_retell_agents_branch FOREIGN KEY (company_id, branch_id) REFERENCES branches (company_id, id)
);
CREATE INDEX ix_retell_agents_company ON retell_agents (company_id);

-- Where a person answers at the branch: the destination of Retell's transfer_call (never the number that routes to
-- the agent, which would ring the agent again).
ALTER TABLE branches ADD COLUMN phone VARCHAR(16);

-- call_analyzed: whether a voicemail was reached and the agent's own post-call analysis fields (JSON object).
ALTER TABLE calls ADD COLUMN in_voicemail BOOLEAN;
ALTER TABLE calls ADD COLUMN custom_analysis VARCHAR(16000);
