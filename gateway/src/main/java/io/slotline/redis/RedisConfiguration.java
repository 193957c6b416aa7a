package io.slotline.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis as an accelerator: the Lettuce client fails fast while disconnected (instead of queueing commands until the
 * command timeout) and reconnects at most {@code reconnect-delay-max} apart; every use goes through the
 * {@link RedisGuard}; health shows Redis as degraded, never DOWN.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer slotlineRedisClientOptions() {
        return options ->
                options.autoReconnect(true).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer slotlineRedisReconnectDelay(RedisProperties properties) {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), properties.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS));
    }

    @Bean(destroyMethod = "close")
    RedisGuard redisGuard(
            RedisConnectionFactory connections,
            RedisProperties properties,
            ObjectProvider<ClientResources> lettuce,
            ObjectProvider<Clock> clock) {
        RedisGuard guard = new RedisGuard(
                properties.breaker(),
                () -> {
                    try (RedisConnection connection = connections.getConnection()) {
                        return "PONG".equals(connection.ping());
                    }
                },
                clock.getIfAvailable(Clock::systemUTC));
        // a connection that dropped while idle fails no command, but pub/sub messages may have been lost meanwhile
        lettuce.ifAvailable(resources -> resources
                .eventBus()
                .get()
                .filter(ReconnectAttemptEvent.class::isInstance)
                .subscribe(event -> guard.markLost("connection to Redis lost, reconnecting")));
        return guard;
    }

    /** Named like Spring Boot's, which stays off (see application.yml): readiness includes "redis". */
    @Bean
    @ConditionalOnProperty(name = "slotline.redis.enabled", havingValue = "true")
    RedisHealthIndicator redisHealthIndicator(RedisGuard guard, RedisConnectionFactory connections) {
        return new RedisHealthIndicator(guard, () -> {
            try (RedisConnection connection = connections.getConnection()) {
                return connection.ping();
            }
        });
    }
}
