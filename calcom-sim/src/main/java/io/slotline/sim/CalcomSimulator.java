package io.slotline.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A running Cal.com simulator. {@link #start} runs it in its own Spring application context inside the current JVM
 * (the gateway's tests and demo mode do this); the context sees only its own configuration file
 * ({@code calcom-sim.yml}) and the given options, never the embedding application's properties, system properties
 * or environment variables, and it leaves the embedding application's logging alone.
 */
public final class CalcomSimulator implements AutoCloseable {

    static final String CONFIG_NAME = "calcom-sim";

    private final ConfigurableApplicationContext context;
    private final int port;

    private CalcomSimulator(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static CalcomSimulator start(SimOptions options) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.config.name", CONFIG_NAME);
        properties.put("server.port", options.port());
        properties.put("spring.main.banner-mode", "off");
        environment.getPropertySources().addFirst(new MapPropertySource("calcomSimEmbedded", properties));

        SpringApplication application = new SpringApplicationBuilder(SimServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .environment(environment)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(
                                "calcomSimEmbeddedOptions", new SimServerConfiguration.EmbeddedOptions(options)))
                .build();
        List<ApplicationListener<?>> listeners = application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList();
        application.setListeners(listeners);
        ConfigurableApplicationContext context = application.run();
        return new CalcomSimulator(context, localPort(context));
    }

    /** Starts the standalone server (see {@link CalcomSimulatorApplication}). */
    static CalcomSimulator startStandalone(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SimServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
        return new CalcomSimulator(context, localPort(context));
    }

    private static int localPort(ConfigurableApplicationContext context) {
        // a servlet application context has its web server once run() has returned
        return Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer())
                .getPort();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The simulator's current time (fixed or real), handy to compute request ranges in tests. */
    public Instant now() {
        return context.getBean(io.slotline.sim.calendar.SimClock.class).instant();
    }

    @Override
    public void close() {
        context.close();
    }
}
