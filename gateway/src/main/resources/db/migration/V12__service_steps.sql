-- Services in steps (issue 20): a colouring is the colour applied by a stylist, a processing time in which that
-- stylist serves someone else, then washing and finishing. Cal.com has no such event type, so each step is booked
-- as a booking of its own event type (any stylist, or a stylist's own). The steps are a JSON array in the service's
-- row, like its synonyms: [{"name","calcomEventTypeId","calcomEventTypeSlug","calcomTeamId","durationMinutes",
-- "pauseMinMinutes","pauseMaxMinutes","sameStaffNext","staffEventTypes":[{"staffId","eventTypeId","slug"}]}].
-- An empty array is a service booked as one block.
ALTER TABLE services ADD COLUMN steps VARCHAR(20000) DEFAULT '[]' NOT NULL;

-- A booking of a service in steps is one attempt (booking_attempts, the request's key) with a row per step: the plan
-- (stylist, start, end) is written before any step is sent, and each step travels to Cal.com under its own request
-- id (metadata slotlineRequestId = <key>#<step>), so a retry or the reconciler looks each step up and never books it
-- twice. 'planned': not sent yet; 'pending': sent, or about to be; 'booked': booking_uid; 'not_booked': Cal.com
-- refused it or has none; 'cancelled': a later step was refused and this one was cancelled again (compensation).
CREATE TABLE booking_attempt_steps (
    idempotency_key VARCHAR(200) NOT NULL REFERENCES booking_attempts (idempotency_key),
    step            INT          NOT NULL,
    staff_id        BIGINT       NOT NULL,
    host            VARCHAR(128) NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)  NOT NULL
                    CHECK (state IN ('planned', 'pending', 'booked', 'not_booked', 'cancelled')),
    booking_uid     VARCHAR(128),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (idempotency_key, step)
);
-- set before the first compensating cancel leaves: whoever settles the attempt (the booking itself, a retry, the
-- reconciler after a crash) cancels every step Cal.com holds under the attempt and books none
ALTER TABLE booking_attempts ADD COLUMN compensating BOOLEAN DEFAULT FALSE NOT NULL;
-- a move of an appointment in steps books the new steps as an attempt that replaces the old appointment: once every
-- new step is booked, the old steps are cancelled (move all or none)
ALTER TABLE booking_attempts ADD COLUMN replaces_appointment_id BIGINT;

-- The Cal.com bookings of an appointment in steps (the appointment runs from the first step's start to the last
-- step's end; its calcom_booking_uid is the first step's). Cancelling or moving the appointment acts on all of them.
CREATE TABLE appointment_steps (
    appointment_id     BIGINT       NOT NULL REFERENCES appointments (id),
    company_id         BIGINT       NOT NULL REFERENCES companies (id),
    step               INT          NOT NULL,
    staff_id           BIGINT,
    starts_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    calcom_booking_uid VARCHAR(128) NOT NULL,
    -- 'cancelling': we are cancelling it (a Cal.com webhook about it is our own echo), 'cancelled': it is
    status             VARCHAR(16)  NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelling', 'cancelled')),
    PRIMARY KEY (appointment_id, step),
    CONSTRAINT uq_appointment_steps_uid UNIQUE (calcom_booking_uid)
);
CREATE INDEX ix_appointment_steps_company ON appointment_steps (company_id, calcom_booking_uid);

-- Something happened to the appointment that a person must look at (e.g. one step was cancelled in Cal.com): why.
ALTER TABLE appointments ADD COLUMN attention VARCHAR(500);
