package io.slotline.bench.sut;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Child-process stand-in for the gateway jar: answers readiness on --server.port and echoes its arguments. */
public final class StandInGateway {

    private StandInGateway() {}

    public static void main(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--fail-fast")) {
            System.out.println("APPLICATION FAILED TO START: stand-in told to fail");
            System.exit(3);
        }
        int port = Arrays.stream(args)
                .filter(a -> a.startsWith("--server.port="))
                .mapToInt(a -> Integer.parseInt(a.substring("--server.port=".length())))
                .findFirst()
                .orElseThrow();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", ex -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/args", ex -> {
            byte[] body = String.join("\n", args).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }
}
