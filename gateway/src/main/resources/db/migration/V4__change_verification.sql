-- How a caller who is not calling from the number an appointment was booked under may change it:
-- 'booked_phone' (full name plus the number it was booked under) or 'callback' (never by phone: the team calls back).
ALTER TABLE companies ADD COLUMN change_verification VARCHAR(16) NOT NULL DEFAULT 'booked_phone'
    CHECK (change_verification IN ('booked_phone', 'callback'));
