package io.slotline.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param embeddedSimulator start the Cal.com simulator inside the gateway (demo only; off when the benchmark or a
 *                          test runs its own)
 * @param simulatorPort     where the embedded simulator listens
 */
@ConfigurationProperties("slotline.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean embeddedSimulator,
        @DefaultValue("8081") int simulatorPort) {}
