/**
 * Redis as an accelerator, never a dependency: the client's short timeouts, one circuit breaker per instance around
 * every Redis use ({@link io.slotline.redis.RedisGuard}), catching up when Redis is back, and health "redis" that
 * shows an outage as DEGRADED without taking readiness down.
 */
@NullMarked
package io.slotline.redis;

import org.jspecify.annotations.NullMarked;
