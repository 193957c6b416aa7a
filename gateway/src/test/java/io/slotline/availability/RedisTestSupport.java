package io.slotline.availability;

import io.slotline.redis.RedisGuard;
import io.slotline.redis.RedisProperties;
import io.slotline.support.RequiredServices;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Connections to the test Redis ({@link io.slotline.support.RequiresRedis} checks that it is there). */
final class RedisTestSupport {

    static final int PORT = RequiredServices.REDIS_PORT;

    private RedisTestSupport() {}

    /** The guard a gateway instance puts around its Redis client. */
    static RedisGuard guard(RedisConnectionFactory connections) {
        return new RedisGuard(
                RedisProperties.Breaker.defaults(),
                () -> {
                    try (RedisConnection connection = connections.getConnection()) {
                        return "PONG".equals(connection.ping());
                    }
                },
                Clock.systemUTC());
    }

    /** A separate Lettuce client, as a separate gateway instance would have. */
    static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(RequiredServices.REDIS_HOST, port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(2))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
