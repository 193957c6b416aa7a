package io.slotline.support;

import io.slotline.sim.CalcomSimulator;
import io.slotline.sim.SimOptions;

/** A Cal.com simulator with default options that lives as long as the test JVM. */
public final class JvmSimulator {

    private JvmSimulator() {}

    public static CalcomSimulator start() {
        CalcomSimulator simulator = CalcomSimulator.start(SimOptions.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "calcom-sim-stop"));
        return simulator;
    }
}
