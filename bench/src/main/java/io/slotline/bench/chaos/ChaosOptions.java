package io.slotline.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

/** The chaos run's flags ({@code --scenario chaos ...}). */
record ChaosOptions(
        Duration duration,
        double callsPerSecond,
        Path gatewayJar,
        Path out,
        int redisPort,
        int postgresPort,
        long seed) {

    static final String USAGE = """
            --scenario chaos options:
              --duration D        length of the fault schedule (default 300s; every phase scales with it)
              --calls-per-second R  phone calls arriving per second (default 0.5; real think times)
              --gateway-jar PATH  default gateway/target/slotline-gateway-exec.jar
              --out DIR           default bench-results
              --redis-port N      the run's own Redis (default: a free port)
              --postgres-port N   the run's own PostgreSQL cluster (default: a free port)
              --seed N            default 42
            """;

    static ChaosOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(300);
        double rate = 0.5;
        Path jar = Path.of("gateway/target/slotline-gateway-exec.jar");
        Path out = Path.of("bench-results");
        int redisPort = 0;
        int postgresPort = 0;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--scenario")) {
                i++;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--duration" -> duration = parseDuration(value);
                case "--calls-per-second" -> rate = Double.parseDouble(value);
                case "--gateway-jar" -> jar = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--redis-port" -> redisPort = Integer.parseInt(value);
                case "--postgres-port" -> postgresPort = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option for the chaos run: " + arg);
            }
        }
        if (duration.toSeconds() < 60 || rate <= 0) {
            throw new IllegalArgumentException("--duration must be at least 60s and --calls-per-second positive");
        }
        return new ChaosOptions(duration, rate, jar, out, redisPort, postgresPort, seed);
    }

    private static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }
}
