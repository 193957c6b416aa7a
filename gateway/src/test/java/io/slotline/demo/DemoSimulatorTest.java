package io.slotline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Quick start's demo mode: the gateway starts the Cal.com simulator (found by name, calcom-sim being a runtime
 * dependency only), talks to it, and has it send booking webhooks back to the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoSimulatorTest {

    private static final int SIMULATOR_PORT = freePort();

    @DynamicPropertySource
    static void simulatorPort(DynamicPropertyRegistry registry) {
        registry.add("slotline.demo.simulator-port", () -> SIMULATOR_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedSimulator simulator;

    @Test
    void theDemoStartsTheSimulatorOnItsPortSubscribedToTheGatewaysWebhooks() throws Exception {
        assertThat(simulator.baseUrl()).endsWith(":" + SIMULATOR_PORT);

        HttpResponse<String> webhooks = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/webhooks"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(webhooks.statusCode()).isEqualTo(200);
        assertThat(webhooks.body()).contains("http://localhost:" + port + "/calcom/webhook?company=demo-salon");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
