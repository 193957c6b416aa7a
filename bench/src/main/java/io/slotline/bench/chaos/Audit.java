package io.slotline.bench.chaos;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Bookings in Cal.com (the simulator, the truth) against bookings in our records, per phase (by when Cal.com created
 * them). Only bookings Slotline made count: those carrying its request id in their metadata.
 *
 * @param calcom     active bookings of ours in Cal.com, per phase
 * @param recorded   of those, the ones our appointments hold (by booking uid)
 * @param lost       in Cal.com, not in our records
 * @param doubled    more than one active booking under one request id (the extra ones)
 * @param heldTaken  appointments whose host and time another call held (each hold takes one host), within its time
 */
record Audit(int[] calcom, int[] recorded, int[] lost, int[] doubled, int[] heldTaken, String heldTakenNote) {

    /**
     * Appointments booked on a phone call for a host at a time that overlapped another call's hold of that host while
     * the hold stood: from the booking's own claim (its hold, when it had one; else when it was recorded) to when it
     * was recorded. A hold stands from its claim until it ended (released) or expired; a hold used for a booking
     * stands until it expires. An appointment in steps is its steps' bookings (each its stylist and time): its pauses
     * are free for others. Each row: when the appointment was recorded, then what happened, for the report.
     */
    private static final String HELD_TAKEN = """
            WITH blocks AS (
              SELECT a.id, a.company_id, a.call_id, a.source, a.staff_id, a.starts_at, a.ends_at, a.created_at,
                     a.rescheduled_from_id
                FROM appointments a
               WHERE NOT EXISTS (SELECT 1 FROM appointment_steps st WHERE st.appointment_id = a.id)
              UNION ALL
              SELECT a.id, a.company_id, a.call_id, a.source, st.staff_id, st.starts_at, st.ends_at, a.created_at,
                     a.rescheduled_from_id
                FROM appointments a JOIN appointment_steps st ON st.appointment_id = a.id),
            booked AS (
              SELECT b.id, b.company_id, b.starts_at, b.ends_at, b.created_at, b.rescheduled_from_id,
                     c.retell_call_id, lower(s.calcom_username) AS host,
                     COALESCE((SELECT MIN(o.created_at) FROM slot_holds o
                                WHERE o.company_id = b.company_id AND o.retell_call_id = c.retell_call_id
                                  AND lower(o.host) = lower(s.calcom_username) AND o.starts_at = b.starts_at
                                  AND o.status = 'booked'), b.created_at) AS claimed_at
                FROM blocks b
                JOIN calls c ON c.company_id = b.company_id AND c.id = b.call_id
                JOIN staff s ON s.company_id = b.company_id AND s.id = b.staff_id
               WHERE b.source = 'phone')
            SELECT to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '|'
                   || 'appointment ' || b.id || (CASE WHEN b.rescheduled_from_id IS NULL THEN ' (booked' ELSE ' (moved'
                   END) || ' by ' || b.retell_call_id || ', ' || b.host || ' at '
                   || to_char(b.starts_at AT TIME ZONE 'UTC', 'HH24:MI') || ') against hold ' || h.id || ' of '
                   || h.retell_call_id || ' (' || h.status || ')'
              FROM booked b
              JOIN slot_holds h ON h.company_id = b.company_id AND lower(h.host) = b.host
                   AND h.retell_call_id <> b.retell_call_id
                   AND h.starts_at < b.ends_at AND h.ends_at > b.starts_at
             WHERE h.created_at <= b.created_at
               AND h.expires_at > b.claimed_at
               AND (h.status = 'booked' OR h.ended_at IS NULL OR h.ended_at > b.claimed_at)""";

    static Audit of(List<JsonNode> simBookings, OwnPostgres postgres, List<Instant> phaseStarts) {
        int phases = phaseStarts.size();
        int[] calcom = new int[phases];
        int[] recorded = new int[phases];
        int[] lost = new int[phases];
        int[] doubled = new int[phases];
        int[] heldTaken = new int[phases];
        Set<String> ours = new HashSet<>();
        // an appointment in steps (Färben) is one Cal.com booking per step: each step's booking is ours too
        for (String row : postgres.query("SELECT calcom_booking_uid FROM appointments "
                + "WHERE calcom_booking_uid IS NOT NULL UNION SELECT calcom_booking_uid FROM appointment_steps")) {
            ours.add(row.strip());
        }
        Map<String, Integer> perRequest = new HashMap<>();
        for (JsonNode booking : simBookings) {
            String requestId =
                    booking.path("metadata").path("slotlineRequestId").asString("");
            String status = booking.path("status").asString("");
            if (requestId.isEmpty() || status.equals("cancelled") || status.equals("rejected")) {
                continue;
            }
            int phase = phaseOf(Instant.parse(booking.path("createdAt").asString()), phaseStarts);
            if (phase < 0) {
                continue;
            }
            calcom[phase]++;
            if (ours.contains(booking.path("uid").asString())) {
                recorded[phase]++;
            } else {
                lost[phase]++;
            }
            if (perRequest.merge(requestId, 1, Integer::sum) > 1
                    && booking.path("rescheduledFromUid").asString("").isEmpty()) {
                doubled[phase]++;
            }
        }
        String note = "";
        try {
            List<String> cases = new java.util.ArrayList<>();
            for (String row : postgres.query(HELD_TAKEN)) {
                String[] fields = row.strip().split("\\|", 2);
                int phase = phaseOf(Instant.parse(fields[0]), phaseStarts);
                if (phase >= 0) {
                    heldTaken[phase]++;
                    cases.add(fields.length > 1 ? fields[1] : "");
                }
            }
            if (!cases.isEmpty()) {
                note = "held slots booked by another call: " + String.join("; ", cases);
            }
        } catch (RuntimeException e) {
            note = "held slots not checked: " + e.getMessage();
        }
        return new Audit(calcom, recorded, lost, doubled, heldTaken, note);
    }

    private static int phaseOf(Instant at, List<Instant> phaseStarts) {
        int phase = -1;
        for (int i = 0; i < phaseStarts.size(); i++) {
            if (!at.isBefore(phaseStarts.get(i))) {
                phase = i;
            }
        }
        return phase;
    }
}
