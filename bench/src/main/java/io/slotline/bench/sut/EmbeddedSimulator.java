package io.slotline.bench.sut;

import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;

/** Starts the Cal.com simulator inside the bench JVM with the "demo" scenario on a random port, real time. */
public final class EmbeddedSimulator {

    private EmbeddedSimulator() {}

    public static SimulatorHandle start() {
        CalcomSimulator simulator = CalcomSimulator.start(SimOptions.defaults().withPort(0));
        return new SimulatorHandle() {
            @Override
            public String baseUrl() {
                return simulator.baseUrl();
            }

            @Override
            public void close() {
                simulator.close();
            }
        };
    }
}
