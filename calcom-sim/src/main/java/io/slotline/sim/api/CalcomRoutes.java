package io.slotline.sim.api;

import io.slotline.sim.calendar.Scheduler;
import io.slotline.sim.config.SimConfig;
import io.slotline.sim.web.Route;
import io.slotline.sim.web.Route.Auth;
import io.slotline.sim.web.Route.VersionDecision;
import io.slotline.sim.web.Route.Versions;
import io.slotline.sim.web.Routes;
import java.util.List;

/**
 * The Cal.com API v2 subset and the {@code cal-api-version} each route answers to. Missing or unknown versions count
 * as 2024-04-15, as in Cal.com: the slots routes then do not exist (404), the bookings and event types routes reach
 * legacy handlers the simulator does not model (400, see README), reschedule does not exist (404).
 */
public final class CalcomRoutes {

    public static final String SLOTS_VERSION = "2024-09-04";
    public static final String BOOKINGS_VERSION = "2024-08-13";
    public static final String BOOKINGS_VERSION_NEW = "2026-02-25";
    public static final String EVENT_TYPES_VERSION = "2024-06-14";

    private CalcomRoutes() {}

    public static Routes create(Scheduler scheduler, BookingsApi bookings, WebhooksApi webhooks) {
        SlotsApi slots = new SlotsApi(scheduler);
        ReservationsApi reservations = new ReservationsApi(scheduler);
        EventTypesApi eventTypes = new EventTypesApi(scheduler);
        TeamsApi teams = new TeamsApi(scheduler);
        webhooks.withScheduler(scheduler);
        Versions slotsVersion = Versions.only(SLOTS_VERSION, VersionDecision.NOT_FOUND);
        Versions legacySlots = new Versions(List.of(), VersionDecision.OK, List.of(SLOTS_VERSION));
        Versions bookingsVersion = new Versions(
                List.of(BOOKINGS_VERSION, BOOKINGS_VERSION_NEW), VersionDecision.LEGACY, List.of(SLOTS_VERSION));
        Versions rescheduleVersion =
                new Versions(List.of(BOOKINGS_VERSION, BOOKINGS_VERSION_NEW), VersionDecision.NOT_FOUND, List.of());
        Versions eventTypesVersion = Versions.only(EVENT_TYPES_VERSION, VersionDecision.LEGACY);
        return new Routes(List.of(
                new Route("GET", "/v2/slots/available", SimConfig.SLOTS, Auth.OPTIONAL, legacySlots, slots::available),
                new Route(
                        "POST",
                        "/v2/slots/reservations",
                        SimConfig.RESERVATIONS,
                        Auth.OPTIONAL,
                        slotsVersion,
                        reservations::reserve),
                new Route(
                        "GET",
                        "/v2/slots/reservations/{uid}",
                        SimConfig.RESERVATIONS,
                        Auth.OPTIONAL,
                        slotsVersion,
                        reservations::get),
                new Route(
                        "PATCH",
                        "/v2/slots/reservations/{uid}",
                        SimConfig.RESERVATIONS,
                        Auth.OPTIONAL,
                        slotsVersion,
                        reservations::update),
                new Route(
                        "DELETE",
                        "/v2/slots/reservations/{uid}",
                        SimConfig.RESERVATIONS,
                        Auth.OPTIONAL,
                        slotsVersion,
                        reservations::delete),
                new Route("GET", "/v2/slots", SimConfig.SLOTS, Auth.OPTIONAL, slotsVersion, slots::slots),
                new Route("POST", "/v2/bookings", SimConfig.BOOKINGS, Auth.OPTIONAL, bookingsVersion, bookings::create),
                new Route("GET", "/v2/bookings", SimConfig.BOOKINGS, Auth.REQUIRED, bookingsVersion, bookings::list),
                new Route(
                        "GET", "/v2/bookings/{uid}", SimConfig.BOOKINGS, Auth.OPTIONAL, bookingsVersion, bookings::get),
                new Route(
                        "POST",
                        "/v2/bookings/{uid}/cancel",
                        SimConfig.BOOKINGS,
                        Auth.OPTIONAL,
                        bookingsVersion,
                        bookings::cancel),
                new Route(
                        "POST",
                        "/v2/bookings/{uid}/reschedule",
                        SimConfig.BOOKINGS,
                        Auth.OPTIONAL,
                        rescheduleVersion,
                        bookings::reschedule),
                new Route(
                        "GET",
                        "/v2/event-types",
                        SimConfig.EVENT_TYPES,
                        Auth.REQUIRED,
                        eventTypesVersion,
                        eventTypes::list),
                new Route(
                        "GET",
                        "/v2/event-types/{id}",
                        SimConfig.EVENT_TYPES,
                        Auth.REQUIRED,
                        eventTypesVersion,
                        eventTypes::get),
                new Route("GET", "/v2/me", SimConfig.EVENT_TYPES, Auth.REQUIRED, Versions.any(), teams::me),
                new Route("GET", "/v2/teams", SimConfig.EVENT_TYPES, Auth.REQUIRED, Versions.any(), teams::teams),
                new Route(
                        "GET", "/v2/teams/{teamId}", SimConfig.EVENT_TYPES, Auth.REQUIRED, Versions.any(), teams::team),
                new Route(
                        "GET",
                        "/v2/teams/{teamId}/event-types",
                        SimConfig.EVENT_TYPES,
                        Auth.OPTIONAL,
                        Versions.any(),
                        teams::eventTypes),
                new Route(
                        "GET",
                        "/v2/teams/{teamId}/event-types/{eventTypeId}",
                        SimConfig.EVENT_TYPES,
                        Auth.REQUIRED,
                        Versions.any(),
                        teams::eventType),
                new Route(
                        "GET",
                        "/v2/teams/{teamId}/memberships",
                        SimConfig.EVENT_TYPES,
                        Auth.REQUIRED,
                        Versions.any(),
                        teams::memberships),
                new Route(
                        "POST",
                        "/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::createForEventType),
                new Route(
                        "GET",
                        "/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::listForEventType),
                new Route(
                        "DELETE",
                        "/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks/{webhookId}",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::deleteForEventType),
                new Route(
                        "POST",
                        "/v2/event-types/{eventTypeId}/webhooks",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::createForEventType),
                new Route(
                        "GET",
                        "/v2/event-types/{eventTypeId}/webhooks",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::listForEventType),
                new Route(
                        "DELETE",
                        "/v2/event-types/{eventTypeId}/webhooks/{webhookId}",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::deleteForEventType),
                new Route("POST", "/v2/webhooks", SimConfig.WEBHOOKS, Auth.REQUIRED, Versions.any(), webhooks::create),
                new Route("GET", "/v2/webhooks", SimConfig.WEBHOOKS, Auth.REQUIRED, Versions.any(), webhooks::list),
                new Route("GET", "/v2/webhooks/{id}", SimConfig.WEBHOOKS, Auth.REQUIRED, Versions.any(), webhooks::get),
                new Route(
                        "DELETE",
                        "/v2/webhooks/{id}",
                        SimConfig.WEBHOOKS,
                        Auth.REQUIRED,
                        Versions.any(),
                        webhooks::delete)));
    }
}
