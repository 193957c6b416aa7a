package io.slotline.calcom;

/** The calls we make; {@code tag} is the metric tag value fixed in CONTRACTS.md. */
enum Endpoint {
    SLOTS("slots", EndpointGroup.SLOTS),
    RESERVATIONS_CREATE("reservations_create", EndpointGroup.SLOTS),
    RESERVATIONS_DELETE("reservations_delete", EndpointGroup.SLOTS),
    BOOKINGS_CREATE("bookings_create", EndpointGroup.BOOKINGS),
    BOOKINGS_GET("bookings_get", EndpointGroup.BOOKINGS),
    BOOKINGS_LIST("bookings_list", EndpointGroup.BOOKINGS),
    BOOKINGS_CANCEL("bookings_cancel", EndpointGroup.BOOKINGS),
    BOOKINGS_RESCHEDULE("bookings_reschedule", EndpointGroup.BOOKINGS),
    EVENT_TYPES("event_types", EndpointGroup.EVENT_TYPES);

    private final String tag;
    private final EndpointGroup group;

    Endpoint(String tag, EndpointGroup group) {
        this.tag = tag;
        this.group = group;
    }

    String tag() {
        return tag;
    }

    EndpointGroup group() {
        return group;
    }

    /** Endpoints whose failures can mean "this time can't be booked". */
    boolean placesBooking() {
        return this == BOOKINGS_CREATE || this == BOOKINGS_RESCHEDULE || this == RESERVATIONS_CREATE;
    }
}
