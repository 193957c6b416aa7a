package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.ServiceSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service on a seated Cal.com event type: Cal.com would put the caller into a booking shared with other attendees
 * (one uid, a seat uid each; packages/features/bookings/lib/handleSeats/handleSeats.ts), which the phone flow books
 * and cancels as a whole. It is refused rather than merged, and nothing reaches Cal.com.
 */
class SeatedEventTypeCallTest extends LiveCallTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aSeatedEventTypeIsNotBookedByPhone() {
        sim("POST", "/_sim/event-types", """
                {"id": 2099, "ownerKey": "cal_other", "title": "Workshop", "slug": "workshop", "lengthInMinutes": 30,
                 "hosts": ["carl-other"], "emailRequired": false, "seatsPerTimeSlot": 3}
                """);
        Company otherCuts = tenants.companyBySlug("other-cuts").orElseThrow();
        ServiceSpec workshop =
                new ServiceSpec("Workshop", List.of(), 30, null, "GBP", 2099L, "workshop", true, null, List.of());
        long serviceId = tenants.createService(otherCuts.id(), workshop);
        tenants.allStaff(otherCuts.id())
                .forEach(staff -> tenants.linkServiceStaff(otherCuts.id(), serviceId, staff.id()));
        try {
            Instant slot = freeStarts("cal_other", 2099, TUESDAY, LONDON).get(0);
            Call call = otherCutsCall();

            Reply booked = call.function(
                    "book_appointment",
                    Map.of(
                            "service",
                            "Workshop",
                            "date",
                            TUESDAY.toString(),
                            "time",
                            slot.atZone(LONDON).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")),
                            "customer_name",
                            "Finn Wagner"));

            assertThat(booked.ok()).as(booked.body()).isFalse();
            assertThat(simBookingsOf("cal_other", call.from)).isEmpty();
        } finally {
            tenants.updateService(
                    otherCuts.id(),
                    serviceId,
                    new ServiceSpec("Workshop", List.of(), 30, null, "GBP", 2099L, "workshop", false, null, List.of()));
        }
    }
}
