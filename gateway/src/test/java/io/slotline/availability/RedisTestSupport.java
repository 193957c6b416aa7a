package io.slotline.availability;

import java.time.Duration;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.slotline.support.RequiredServices;

/** Connections to the test Redis ({@link io.slotline.support.RequiresRedis} checks that it is there). */
final class RedisTestSupport {

    static final int PORT = RequiredServices.REDIS_PORT;

    private RedisTestSupport() {
    }

    /** A separate Lettuce client, as a separate gateway instance would have. */
    static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(RequiredServices.REDIS_HOST, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
