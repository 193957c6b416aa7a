package io.slotline.availability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The real Redis at 127.0.0.1:6379 for the availability tests: unreachable, the tests are skipped on a developer
 * machine and FAIL when CI=true (or -Dslotline.services.required=true).
 */
final class RedisTestSupport implements BeforeAllCallback {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = probe();
        if (problem == null) {
            return;
        }
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("slotline.services.required");
        if (required) {
            throw new AssertionFailedError("Redis is not reachable: " + problem + " (required because CI=true)");
        }
        Assumptions.abort("Redis is not reachable: " + problem + " (skipped; set CI=true to fail instead)");
    }

    /** A separate Lettuce client, as a separate gateway instance would have. */
    static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static String probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readNBytes(5), StandardCharsets.US_ASCII);
            return reply.startsWith("+PONG") ? null : "answered '" + reply + "' to PING";
        } catch (IOException e) {
            return HOST + ":" + PORT + ": " + e.getMessage();
        }
    }
}
