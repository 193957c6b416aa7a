-- A service's "any staff" event type is usually a team event type, which Cal.com lets the company's key read only
-- under its team (GET /v2/teams/{teamId}/event-types/{id}).
ALTER TABLE services ADD COLUMN calcom_team_id BIGINT;

-- Each staff member's own event type for a service (a managed event type's child, or a personal event type): the
-- only way Cal.com addresses one person, since slug + username resolves only that user's own event types.
ALTER TABLE service_staff ADD COLUMN calcom_event_type_id BIGINT;
ALTER TABLE service_staff ADD COLUMN calcom_event_type_slug VARCHAR(200);
