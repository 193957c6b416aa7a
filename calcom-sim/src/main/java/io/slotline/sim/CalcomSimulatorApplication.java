package io.slotline.sim;

/**
 * Standalone Cal.com simulator: {@code java -jar calcom-sim/target/calcom-sim-*-exec.jar}. Reads
 * {@code calcom-sim.yml} (port 8081, demo scenario); override with {@code --server.port=...},
 * {@code --calcom-sim.scenario=empty}, {@code --calcom-sim.fixed-now=2026-03-27T08:00:00Z} etc.
 */
public final class CalcomSimulatorApplication {

    private CalcomSimulatorApplication() {}

    public static void main(String[] args) {
        CalcomSimulator.startStandalone(args);
    }
}
