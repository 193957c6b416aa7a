package io.slotline.sim.api;

import io.slotline.sim.calendar.Reservation;
import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.web.ApiRequest;
import io.slotline.sim.web.Envelopes;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.Reply;
import io.slotline.sim.web.Times;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2/slots/reservations} of cal-api-version 2024-09-04. */
final class ReservationsApi {

    private final Scheduler scheduler;

    ReservationsApi(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Reply reserve(ApiRequest request) {
        Reservation reservation = scheduler.reserve(parse(request.jsonObjectBody()), request.caller());
        return Reply.json(201, Envelopes.success(render(reservation, true)));
    }

    /** An unknown or expired reservation is not an error in Cal.com: {@code "data": null}. */
    Reply get(ApiRequest request) {
        JsonNode data = scheduler
                .reservation(request.pathVariable("uid"))
                .<JsonNode>map(r -> render(r, false))
                .orElse(NullNode.getInstance());
        return Reply.json(200, Envelopes.success(data));
    }

    Reply update(ApiRequest request) {
        Reservation reservation = scheduler.updateReservation(
                request.pathVariable("uid"), parse(request.jsonObjectBody()), request.caller());
        return Reply.json(200, Envelopes.success(render(reservation, true)));
    }

    Reply delete(ApiRequest request) {
        scheduler.deleteReservation(request.pathVariable("uid"));
        ObjectNode body = Json.object();
        body.put("status", "success");
        return Reply.json(200, body);
    }

    private static Scheduler.ReserveRequest parse(ObjectNode body) {
        PipeErrors errors = new PipeErrors();
        if (!Values.isInteger(body.get("eventTypeId"))) {
            errors.add("eventTypeId", "isInt", "eventTypeId must be an integer number");
        }
        Instant slotStart = Values.instant(body.get("slotStart")).orElse(null);
        if (slotStart == null) {
            errors.add("slotStart", "isDateString", "slotStart must be a valid ISO 8601 date string");
        }
        for (String name : new String[] {"slotDuration", "reservationDuration"}) {
            JsonNode value = body.get(name);
            if (Values.present(value) && (!Values.isInteger(value) || value.asLong() < 1)) {
                errors.add(name, "isInt", name + " must be an integer number");
            }
        }
        errors.throwIfAny();
        return new Scheduler.ReserveRequest(
                body.get("eventTypeId").asLong(),
                Objects.requireNonNull(slotStart), // a missing slotStart was thrown as an error above
                optionalInt(body.get("slotDuration")),
                optionalInt(body.get("reservationDuration")));
    }

    private static @Nullable Integer optionalInt(@Nullable JsonNode value) {
        return Values.present(value) ? value.asInt() : null;
    }

    private static ObjectNode render(Reservation reservation, boolean withDuration) {
        ObjectNode json = Json.object();
        json.put("eventTypeId", reservation.eventTypeId());
        json.put("slotStart", Times.iso(reservation.slotStart()));
        json.put("slotEnd", Times.iso(reservation.slotEnd()));
        json.put("slotDuration", reservation.slotDurationMinutes());
        if (withDuration) {
            json.put("reservationDuration", reservation.reservationDuration());
        }
        json.put("reservationUid", reservation.uid());
        json.put("reservationUntil", Times.iso(reservation.until()));
        return json;
    }
}
