package io.slotline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A repository test class that runs whole on H2 (the default database) and on PostgreSQL (production's): its
 * {@code @Parameter Database database} field says which, {@code database.dataSource()} gives it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
public @interface OnEveryDatabase {}
