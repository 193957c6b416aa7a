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
 * The test needs the PostgreSQL of {@link TestDatabases#postgresUrl()}. Unreachable: the test is skipped on a
 * developer machine and FAILS when CI=true or -Dslotline.services.required=true.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgres")
@ExtendWith(RequiredServices.PostgresCheck.class)
public @interface RequiresPostgres {}
