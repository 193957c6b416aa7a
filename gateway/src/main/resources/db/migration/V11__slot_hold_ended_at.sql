-- When a hold stopped being held (released, or used for its booking): with it, "was another call's hold standing
-- when this appointment was booked?" can be answered afterwards, e.g. by the chaos run's audit and by operators.
ALTER TABLE slot_holds ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
