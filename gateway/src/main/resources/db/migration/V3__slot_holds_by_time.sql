-- check_availability asks, for every free slot it is about to offer, whether another call of the company holds
-- an overlapping time: a hot-path lookup by company, status and start.
CREATE INDEX ix_slot_holds_company_start ON slot_holds (company_id, status, starts_at);
