package io.slotline.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.sim.web.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MalformedRequestTest extends SimulatorTestSupport {

    private static String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", simulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aUrlTomcatRejectsStillGetsTheErrorEnvelope() throws IOException {
        String response = raw("GET /v2/%ZZ HTTP/1.1");

        assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("<html");
        JsonNode body = Json.MAPPER.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("status").asString()).isEqualTo("error");
        assertThat(body.at("/error/code").asString()).isEqualTo("BadRequestException");
        assertThat(body.get("timestamp").asString()).isEqualTo("2026-03-25T08:00:00.000Z");
    }

    @Test
    void anUnknownMethodIsNestsRouteNotFound() {
        SimHttp.Response response = http.send("PUT", "/v2/slots", "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/message").asString()).isEqualTo("Cannot PUT /v2/slots");
    }
}
