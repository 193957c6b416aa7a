package io.slotline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test needs Redis at {@link RequiredServices#REDIS_HOST}:{@link RequiredServices#REDIS_PORT}. Unreachable:
 * skipped on a developer machine, FAILS when CI=true or -Dslotline.services.required=true.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("redis")
@ExtendWith(RequiredServices.RedisCheck.class)
public @interface RequiresRedis {}
