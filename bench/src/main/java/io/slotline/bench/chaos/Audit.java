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

    static Audit of(List<JsonNode> simBookings, OwnPostgres postgres, List<Instant> phaseStarts) {
        int phases = phaseStarts.size();
        int[] calcom = new int[phases];
        int[] recorded = new int[phases];
        int[] lost = new int[phases];
        int[] doubled = new int[phases];
        int[] heldTaken = new int[phases];
        Set<String> ours = new HashSet<>();
        for (String row : postgres.query("SELECT calcom_booking_uid FROM appointments "
                + "WHERE calcom_booking_uid IS NOT NULL")) {
            ours.add(row.strip());
        }
        Map<String, Integer> perRequest = new HashMap<>();
        for (JsonNode booking : simBookings) {
            String requestId = booking.path("metadata").path("slotlineRequestId").asString("");
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
            for (String row : postgres.query("""
                    SELECT to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    FROM appointments a JOIN calls c ON c.company_id = a.company_id AND c.id = a.call_id
                    JOIN staff s ON s.company_id = a.company_id AND s.id = a.staff_id
                    WHERE a.source = 'phone' AND EXISTS (
                        SELECT 1 FROM slot_holds h WHERE h.company_id = a.company_id
                          AND h.host = lower(s.calcom_username)
                          AND h.starts_at = a.starts_at AND h.retell_call_id <> c.retell_call_id
                          AND h.created_at <= a.created_at AND h.expires_at > a.created_at)""")) {
                int phase = phaseOf(Instant.parse(row.strip()), phaseStarts);
                if (phase >= 0) {
                    heldTaken[phase]++;
                }
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
