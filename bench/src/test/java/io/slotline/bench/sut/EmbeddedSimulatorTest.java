package io.slotline.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class EmbeddedSimulatorTest {

    @Test
    void startsInThisJvmOnARandomLoopbackPortAndStops() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String baseUrl;
        try (SimulatorHandle simulator = EmbeddedSimulator.start()) {
            baseUrl = simulator.baseUrl();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/v2/slots")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(baseUrl).matches("http://(127\\.0\\.0\\.1|localhost):\\d+");
            assertThat(URI.create(baseUrl).getPort()).isNotIn(8080, 8081);
            assertThat(response.statusCode()).isBetween(200, 499);
        }
        assertThat(reachable(client, baseUrl)).isFalse();
    }

    private static boolean reachable(HttpClient client, String baseUrl) {
        try {
            client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
