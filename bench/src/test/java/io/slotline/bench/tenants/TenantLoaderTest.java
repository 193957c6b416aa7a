package io.slotline.bench.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.bench.sut.EmbeddedSimulator;
import io.slotline.bench.sut.SimulatorControl;
import io.slotline.bench.sut.SimulatorHandle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TenantLoaderTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void generatedBusinessesAreServedByTheSimulatorUnderTheirOwnKeysWithTheirExistingBookings() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<Business> businesses = Businesses.generate(TenantLoader.SIM_CHUNK + 3, 42);
        try (SimulatorHandle simulator = EmbeddedSimulator.start()) {
            SimulatorControl sim = new SimulatorControl(client, simulator.baseUrl());
            sim.reset(io.slotline.bench.sut.SimConfig.defaults());

            TenantLoader.intoSimulator(sim, businesses, Instant.now(), 42);

            Business last = businesses.get(businesses.size() - 1);
            JsonNode me = get(client, simulator.baseUrl() + "/v2/me", last.calcomKey(), "2024-06-14");
            assertThat(me.at("/data/id").asLong()).isEqualTo(last.ownerUserId());
            JsonNode teamTypes = get(
                    client,
                    simulator.baseUrl() + "/v2/teams/" + last.teamId() + "/event-types",
                    last.calcomKey(),
                    "2024-06-14");
            assertThat(teamTypes.get("data").size())
                    .isEqualTo(2 * last.services().size());

            Business.Offer service = last.services().get(0);
            Business.Stylist stylist = last.stylists().get(0);
            LocalDate from = LocalDate.now(last.zone()).plusDays(1);
            JsonNode own = get(
                    client,
                    simulator.baseUrl() + "/v2/slots?eventTypeSlug=" + service.slug()
                            + "-stylist&username=" + stylist.username() + "&start=" + from + "&end=" + from.plusDays(7)
                            + "&timeZone=" + last.zone().getId(),
                    last.calcomKey(),
                    "2024-09-04");
            assertThat(own.get("data").size()).as("open days within a week").isGreaterThanOrEqualTo(4);

            JsonNode bookings = getRaw(client, simulator.baseUrl() + "/_sim/bookings?apiKey=" + last.calcomKey());
            assertThat(bookings.get("data").size())
                    .isGreaterThan(last.stylists().size() * 10);
        }
    }

    private static JsonNode get(HttpClient client, String url, String key, String version) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .header("cal-api-version", version)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode getRaw(HttpClient client, String url) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
