package io.slotline.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * In demo mode the gateway brings its own Cal.com: the simulator on its own port, with the demo calendar, sending
 * its booking webhooks back to the gateway as Cal.com would. The simulator (module calcom-sim) is a runtime
 * dependency only: the gateway's code never refers to it, and it is loaded here, in demo mode, by name.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnWebApplication
@ConditionalOnClass(name = EmbeddedSimulator.SIMULATOR)
@ConditionalOnProperty(name = "slotline.demo.embedded-simulator", havingValue = "true", matchIfMissing = true)
class DemoSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulatorConfiguration.class);
    static final String DEMO_WEBHOOK_SECRET = "whsec_demo";

    @Bean(destroyMethod = "close")
    EmbeddedSimulator demoCalcomSimulator(DemoProperties properties) {
        EmbeddedSimulator simulator = EmbeddedSimulator.start(properties.simulatorPort());
        log.info("Cal.com simulator (demo scenario) listening on {}", simulator.baseUrl());
        return simulator;
    }

    @Bean
    DemoWebhookSubscription demoWebhookSubscription(EmbeddedSimulator simulator, JsonMapper json) {
        return new DemoWebhookSubscription(simulator, json);
    }

    static final class DemoWebhookSubscription {

        private final EmbeddedSimulator simulator;
        private final JsonMapper json;

        DemoWebhookSubscription(EmbeddedSimulator simulator, JsonMapper json) {
            this.simulator = simulator;
            this.json = json;
        }

        @EventListener
        void subscribe(ApplicationReadyEvent event) throws Exception {
            // ready: the server runs
            int port = Objects.requireNonNull(
                            ((WebServerApplicationContext) event.getApplicationContext()).getWebServer())
                    .getPort();
            String body = json.writeValueAsString(Map.of(
                    "subscriberUrl",
                    "http://localhost:" + port + "/calcom/webhook?company=demo-salon",
                    "secret",
                    DEMO_WEBHOOK_SECRET,
                    "apiKey",
                    "cal_demo",
                    "active",
                    true,
                    "triggers",
                    List.of(
                            "BOOKING_CREATED",
                            "BOOKING_CANCELLED",
                            "BOOKING_RESCHEDULED",
                            "BOOKING_REQUESTED",
                            "BOOKING_REJECTED")));
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/webhooks"))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn(
                        "could not subscribe the gateway to the simulator's webhooks: {} {}",
                        response.statusCode(),
                        response.body());
            }
        }
    }
}
