package io.slotline.sim.calendar;

import java.util.List;

/** A set of tenants, hosts, event types and bookings to load into the store. */
public record ScenarioData(List<Tenant> tenants, List<Host> hosts, List<EventType> eventTypes, List<Booking> bookings) {

    public ScenarioData {
        tenants = List.copyOf(tenants);
        hosts = List.copyOf(hosts);
        eventTypes = List.copyOf(eventTypes);
        bookings = List.copyOf(bookings);
    }

    public static ScenarioData empty() {
        return new ScenarioData(List.of(), List.of(), List.of(), List.of());
    }
}
