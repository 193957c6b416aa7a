package io.slotline.sim;

import static io.slotline.sim.SimHttp.bookings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookingListEndpointTest extends SimulatorTestSupport {

    private static JsonNode list(String query) {
        SimHttp.Response response = http.get("/v2/bookings" + query, bookings("cal_t"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> uids(JsonNode body) {
        List<String> uids = new ArrayList<>();
        body.get("data").forEach(b -> uids.add(b.get("uid").asString()));
        return uids;
    }

    @Test
    void listingNeedsAnApiKey() {
        SimHttp.Response response = http.get("/v2/bookings", bookings(null));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("UnauthorizedException");
        assertThat(response.json().at("/error/message").asString())
                .startsWith("ApiAuthStrategy - No authentication method provided.");
    }

    @Test
    void aKeySeesOnlyItsOwnBookings() {
        String mine = book(10, "2026-03-26T09:00:00Z", "Max", "max@example.com")
                .get("uid")
                .asString();
        String theirs = book(20, "2026-03-26T10:00:00Z", "Ann", "ann@example.com")
                .get("uid")
                .asString();

        assertThat(uids(list(""))).containsExactly(mine);
        assertThat(uids(http.get("/v2/bookings", bookings("cal_u")).json())).containsExactly(theirs);
    }

    @Test
    void statusFiltersSplitUpcomingPastAndCancelled() {
        String past = book(10, "2026-03-25T09:00:00Z", "Past", "p@example.com")
                .get("uid")
                .asString();
        String upcoming = book(10, "2026-03-26T09:00:00Z", "Up", "u@example.com")
                .get("uid")
                .asString();
        String cancelled = book(10, "2026-03-26T10:00:00Z", "Gone", "g@example.com")
                .get("uid")
                .asString();
        http.post("/v2/bookings/" + cancelled + "/cancel", "{}", bookings("cal_t"));
        http.control("/_sim/clock", "{\"now\":\"2026-03-25T10:00:00Z\"}");

        assertThat(uids(list(""))).containsExactly(upcoming);
        assertThat(uids(list("?status=past"))).containsExactly(past);
        assertThat(uids(list("?status=cancelled"))).containsExactly(cancelled);
        assertThat(uids(list("?status=upcoming,past"))).containsExactly(past, upcoming);
    }

    @Test
    void attendeeEventTypeAndTimeFiltersNarrowTheList() {
        String max = book(10, "2026-03-26T09:00:00Z", "Max Muster", "max@example.com")
                .get("uid")
                .asString();
        String eva = book(10, "2026-03-27T09:00:00Z", "Eva Muster", "eva@example.com")
                .get("uid")
                .asString();

        assertThat(uids(list("?attendeeEmail=eva@example.com"))).containsExactly(eva);
        assertThat(uids(list("?attendeeName=Max%20Muster"))).containsExactly(max);
        assertThat(uids(list("?bookingUid=" + max))).containsExactly(max);
        assertThat(uids(list("?eventTypeIds=10,20"))).containsExactly(max, eva);
        assertThat(uids(list("?eventTypeId=20"))).isEmpty();
        assertThat(uids(list("?afterStart=2026-03-27T00:00:00Z"))).containsExactly(eva);
        assertThat(uids(list("?beforeEnd=2026-03-26T12:00:00Z"))).containsExactly(max);
        assertThat(uids(list("?sortStart=desc"))).containsExactly(eva, max);
    }

    @Test
    void paginationFollowsTakeAndSkip() {
        for (int day = 26; day <= 30; day++) {
            if (day == 28 || day == 29) {
                continue;
            }
            book(10, "2026-03-" + day + "T09:00:00Z", "A" + day, "a" + day + "@example.com");
            book(10, "2026-03-" + day + "T09:30:00Z", "B" + day, "b" + day + "@example.com");
        }

        SimHttp.Response response = http.get("/v2/bookings?take=2&skip=2", bookings("cal_t"));

        assertThat(response.fieldNames("/pagination"))
                .containsExactly(
                        "totalItems",
                        "remainingItems",
                        "returnedItems",
                        "itemsPerPage",
                        "currentPage",
                        "totalPages",
                        "hasNextPage",
                        "hasPreviousPage");
        JsonNode pagination = response.json().get("pagination");
        assertThat(pagination.get("totalItems").asInt()).isEqualTo(6);
        assertThat(pagination.get("remainingItems").asInt()).isEqualTo(2);
        assertThat(pagination.get("returnedItems").asInt()).isEqualTo(2);
        assertThat(pagination.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(pagination.get("currentPage").asInt()).isEqualTo(2);
        assertThat(pagination.get("totalPages").asInt()).isEqualTo(3);
        assertThat(pagination.get("hasNextPage").asBoolean()).isTrue();
        assertThat(pagination.get("hasPreviousPage").asBoolean()).isTrue();
        assertThat(response.json().at("/data/0/start").asString()).isEqualTo("2026-03-27T09:00:00.000Z");
        assertThat(list("").at("/pagination/itemsPerPage").asInt()).isEqualTo(100);
    }

    @Test
    void unknownParametersAreDroppedButInvalidValuesAreRejected() {
        book(10, "2026-03-26T09:00:00Z", "Max", "max@example.com");

        SimHttp.Response phoneFilter = http.get("/v2/bookings?attendeePhone=%2B49151", bookings("cal_t"));
        SimHttp.Response tooMany = http.get("/v2/bookings?take=300", bookings("cal_t"));
        SimHttp.Response badStatus = http.get("/v2/bookings?status=soon", bookings("cal_t"));

        assertThat(phoneFilter.status()).isEqualTo(200);
        assertThat(phoneFilter.json().get("data").size()).isEqualTo(1);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().at("/error/message").asString()).isEqualTo("Bad Request Exception");
        assertThat(tooMany.json().at("/error/details/errors/0/constraints/max").asString())
                .isEqualTo("take must not be greater than 250");
        assertThat(badStatus
                        .json()
                        .at("/error/details/errors/0/constraints/isEnum")
                        .asString())
                .isEqualTo("Invalid status. Allowed are upcoming, recurring, past, cancelled, unconfirmed");
    }
}
