package io.slotline.bench.chaos;

import io.slotline.bench.sut.GatewayLaunch;
import io.slotline.bench.sut.GatewayProcess;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The faults of the schedule, played on the run's simulator, Redis, PostgreSQL cluster and gateways. */
final class Faults {

    private final ChaosOptions options;
    private final HttpClient client;
    private final SimulatorCalls simulator;
    private final GatewayProcess[] gateways;
    private final Balancer balancer;
    private final GatewayLaunch launch;
    private final OwnRedis redis;
    private final OwnPostgres postgres;
    private final Map<Integer, String> notes;
    private volatile @Nullable Thread restarting;

    Faults(
            ChaosOptions options,
            HttpClient client,
            SimulatorCalls simulator,
            GatewayProcess[] gateways,
            Balancer balancer,
            GatewayLaunch launch,
            OwnRedis redis,
            OwnPostgres postgres,
            Map<Integer, String> notes) {
        this.options = options;
        this.client = client;
        this.simulator = simulator;
        this.gateways = gateways;
        this.balancer = balancer;
        this.launch = launch;
        this.redis = redis;
        this.postgres = postgres;
        this.notes = notes;
    }

    /** Plays one phase's fault; returns when it ended (System.nanoTime). */
    long play(int index, Phase phase, long faultStart) {
        switch (phase.name()) {
            case "cal.com faults" -> {
                String faults = "{\"errorRate\":0.1,\"timeoutRate\":0.05,\"timeoutMs\":30000}";
                simulator.configure("{\"faults\":{\"all\":" + faults + "}}");
                Pause.until(faultStart + phase.faultFor().toNanos() * 2 / 5);
                simulator.configure("{\"faults\":{\"all\":{\"errorRate\":0.1,\"timeoutRate\":0.05,\"timeoutMs\":30000,"
                        + "\"rateLimitRate\":1.0}}}");
                Pause.until(faultStart + phase.faultFor().toNanos() * 2 / 5 + TimeUnit.SECONDS.toNanos(5));
                simulator.configure("{\"faults\":{\"all\":" + faults + "}}");
                Pause.until(faultStart + phase.faultFor().toNanos());
                simulator.configure(
                        "{\"faults\":{\"all\":{\"errorRate\":0.0,\"timeoutRate\":0.0,\"rateLimitRate\":0.0}}}");
            }
            case "redis stopped" -> {
                redis.stop();
                Pause.until(faultStart + phase.faultFor().toNanos());
                redis.startAgain();
            }
            case "postgresql restart" -> {
                long before = System.nanoTime();
                postgres.restart();
                notes.put(index, String.format("restart took %.1f s", (System.nanoTime() - before) / 1e9));
                Pause.until(faultStart + phase.faultFor().toNanos());
            }
            case "gateway killed" -> {
                gateways[1].kill();
                balancer.markDown(1);
                long killed = System.nanoTime();
                // started again at once, as an orchestrator would; the schedule goes on meanwhile
                Thread thread = new Thread(() -> restartGateway(index, killed), "chaos-restart");
                restarting = thread;
                thread.start();
                Pause.until(faultStart + phase.faultFor().toNanos());
            }
            case "competing callers" -> {
                Random random = new Random(options.seed());
                CompetingCallers callers = new CompetingCallers(simulator);
                int slotsTaken = 0;
                for (int round = 0; round < 2; round++) {
                    slotsTaken += callers.compete(balancer, random, round);
                    Pause.until(faultStart + phase.faultFor().toNanos() * (round + 1) / 2);
                }
                notes.put(index, "bookings of the contested times: " + slotsTaken + " of 2 (one per time at most)");
            }
            default -> throw new IllegalStateException("no fault for phase " + phase.name());
        }
        return System.nanoTime();
    }

    private void restartGateway(int index, long killed) {
        try {
            gateways[1] = GatewayProcess.start(
                    launch,
                    client,
                    simulator.url(),
                    "cached",
                    3,
                    options.out().resolve("chaos-gateway-2-restarted.log"));
            balancer.markUp(1, gateways[1].baseUrl());
            notes.put(
                    index,
                    String.format(
                            Locale.ROOT,
                            "restarted gateway ready %.1f s after SIGKILL",
                            (System.nanoTime() - killed) / 1e9));
        } catch (RuntimeException e) {
            notes.put(index, "restarted gateway did not start: " + e.getMessage());
        }
    }

    /** Waits (up to five minutes) for a gateway started again after its kill. */
    void awaitRestart() throws InterruptedException {
        Thread thread = restarting;
        if (thread != null) {
            thread.join(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
