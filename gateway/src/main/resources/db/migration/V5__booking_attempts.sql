-- A booking on its way to Cal.com, written before the request leaves. Cal.com has no idempotency key: when its
-- answer is late or lost, or the instance dies between Cal.com's 201 and our insert, the reconciler looks the
-- booking up by this key (sent as metadata slotlineRequestId) and records it once. 'pending' until the outcome is
-- known: 'booked' (appointment_id) or 'not_booked' (Cal.com refused it or has no booking under the key).
CREATE TABLE booking_attempts (
    idempotency_key     VARCHAR(200) PRIMARY KEY,
    company_id          BIGINT       NOT NULL REFERENCES companies (id),
    branch_id           BIGINT       NOT NULL,
    call_id             BIGINT       NOT NULL,
    retell_call_id      VARCHAR(128) NOT NULL,
    service_id          BIGINT       NOT NULL,
    staff_id            BIGINT,
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    customer_name       VARCHAR(200) NOT NULL,
    phone               VARCHAR(32),
    email               VARCHAR(320),
    notes               VARCHAR(2000),
    reservation_uid     VARCHAR(128),
    state               VARCHAR(16)  NOT NULL CHECK (state IN ('pending', 'booked', 'not_booked')),
    appointment_id      BIGINT,
    -- the caller was told "taken down, will be confirmed": the callback request that promise created
    callback_request_id BIGINT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_booking_attempts_state ON booking_attempts (state, updated_at);

-- What became of the request behind a callback: e.g. the booking that was confirmed after the caller hung up.
ALTER TABLE callback_requests ADD COLUMN appointment_id BIGINT;
ALTER TABLE callback_requests ADD COLUMN outcome VARCHAR(500);
