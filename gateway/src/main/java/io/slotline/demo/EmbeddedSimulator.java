package io.slotline.demo;

/**
 * The Cal.com simulator of module calcom-sim, started by name ({@code CalcomSimulator.start(SimOptions.defaults()
 * .withPort(port))}): production code does not compile against it, and a jar without it has no demo simulator.
 */
final class EmbeddedSimulator implements AutoCloseable {

    static final String SIMULATOR = "io.slotline.sim.CalcomSimulator";
    private static final String OPTIONS = "io.slotline.sim.SimOptions";

    private final AutoCloseable simulator;
    private final String baseUrl;

    private EmbeddedSimulator(AutoCloseable simulator, String baseUrl) {
        this.simulator = simulator;
        this.baseUrl = baseUrl;
    }

    static EmbeddedSimulator start(int port) {
        try {
            ClassLoader loader = EmbeddedSimulator.class.getClassLoader();
            Class<?> simulatorType = Class.forName(SIMULATOR, true, loader);
            Class<?> optionsType = Class.forName(OPTIONS, true, loader);
            Object options = optionsType
                    .getMethod("withPort", int.class)
                    .invoke(optionsType.getMethod("defaults").invoke(null), port);
            AutoCloseable simulator = (AutoCloseable)
                    simulatorType.getMethod("start", optionsType).invoke(null, options);
            return new EmbeddedSimulator(
                    simulator, (String) simulatorType.getMethod("baseUrl").invoke(simulator));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("the Cal.com simulator did not start on port " + port, e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "calcom-sim on the classpath does not offer " + SIMULATOR
                            + ".start(SimOptions.defaults().withPort(int))",
                    e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws Exception {
        simulator.close();
    }
}
