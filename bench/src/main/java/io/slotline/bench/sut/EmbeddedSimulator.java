package io.slotline.bench.sut;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Cal.com simulator inside the bench JVM with the "demo" scenario on a random port.
 *
 * <p>The contract's embedding API is {@code io.slotline.sim.CalcomSimulator.start(SimOptions)} returning a handle
 * with {@code baseUrl()} and {@code close()}. It is being written alongside the bench, so it is reached
 * reflectively here (the only place that knows it); until it exists the simulator's Spring Boot application is
 * started directly, as it is when the API's shape differs from the guess below. Once calcom-sim on main has the API,
 * replace {@link #start()} with the plain call.
 */
public final class EmbeddedSimulator {

    private static final String API_CLASS = "io.slotline.sim.CalcomSimulator";
    private static final String OPTIONS_CLASS = "io.slotline.sim.SimOptions";
    private static final String APPLICATION_CLASS = "io.slotline.sim.CalcomSimulatorApplication";

    private EmbeddedSimulator() {
    }

    public static SimulatorHandle start() {
        // the simulator's Spring Boot logging would drown the bench's progress lines; a user's -D still wins
        setIfAbsent("logging.level.root", "WARN");
        setIfAbsent("spring.main.banner-mode", "off");
        try {
            Class<?> api = Class.forName(API_CLASS);
            Class<?> options = Class.forName(OPTIONS_CLASS);
            Object handle = api.getMethod("start", options).invoke(null, demoOptions(options));
            Method baseUrl = handle.getClass().getMethod("baseUrl");
            Method close = handle.getClass().getMethod("close");
            baseUrl.setAccessible(true);
            close.setAccessible(true);
            String url = (String) baseUrl.invoke(handle);
            return new SimulatorHandle() {
                @Override
                public String baseUrl() {
                    return url;
                }

                @Override
                public void close() {
                    try {
                        close.invoke(handle);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("could not stop the simulator", e);
                    }
                }
            };
        } catch (ClassNotFoundException notYetThere) {
            return startApplication();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the API's shape differs from what this class guesses: the application itself still works, and the
            // bench loads the demo scenario through /_sim/reset anyway
            System.err.println("warning: " + API_CLASS + ".start(" + OPTIONS_CLASS + ") failed (" + e
                    + "); starting " + APPLICATION_CLASS + " directly");
            return startApplication();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Port 0, scenario "demo", real clock; every other option left at null / 0 / false (the simulator's default). */
    private static Object demoOptions(Class<?> options) throws ReflectiveOperationException {
        if (!options.isRecord()) {
            for (String factory : new String[] {"demo", "defaults"}) {
                try {
                    return options.getMethod(factory).invoke(null);
                } catch (NoSuchMethodException tryNext) {
                    // next
                }
            }
            throw new NoSuchMethodException(OPTIONS_CLASS + " is neither a record nor has demo()/defaults()");
        }
        RecordComponent[] components = options.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = defaultFor(components[i].getName().toLowerCase(Locale.ROOT), types[i]);
        }
        Constructor<?> canonical = options.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    private static @Nullable Object defaultFor(String name, Class<?> type) {
        if (type == String.class && name.contains("scenario")) {
            return "demo";
        }
        if (type == int.class || type == long.class || type == short.class) {
            return type == int.class ? 0 : type == long.class ? 0L : (short) 0;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? 0d : 0f;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static SimulatorHandle startApplication() {
        try {
            Class<?> application = Class.forName(APPLICATION_CLASS);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.SERVLET)
                    .properties(
                            "server.port=0",
                            "spring.main.banner-mode=off",
                            "logging.level.root=WARN",
                            "slotline.sim.scenario=demo")
                    .run();
            String port = context.getEnvironment().getProperty("local.server.port");
            String url = "http://127.0.0.1:" + port;
            return new SimulatorHandle() {
                @Override
                public String baseUrl() {
                    return url;
                }

                @Override
                public void close() {
                    context.close();
                }
            };
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("calcom-sim is not on the class path", e);
        }
    }
}
