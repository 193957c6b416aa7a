package io.slotline.bench.sut;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a gateway process. The bench reads the actuator's health (readiness group), metrics and prometheus
 * endpoints, which the gateway's application.yml exposes. Placeholders in the Spring arguments: {@code {port}}, {@code {simUrl}},
 * {@code {mode}} (naive|cached) and {@code {n}} (a number unique per started gateway, for the H2 database name).
 */
public record GatewayLaunch(
        Path javaBinary,
        Path jar,
        List<String> jvmArgs,
        List<String> argsTemplate,
        List<String> extraArgs,
        Duration readyTimeout) {

    public static final List<String> DEFAULT_ARGS = List.of(
            "--spring.profiles.active=demo",
            "--server.port={port}",
            "--slotline.calcom.base-url={simUrl}",
            "--slotline.demo.embedded-simulator=false",
            "--slotline.availability.mode={mode}",
            // Both modes without a request budget: the comparison measures the strategies' latency, and the
            // report's upstream requests per call show what each would cost against Cal.com's 120/min per key.
            "--slotline.calcom.resilience.budget.requests-per-window=1000000",
            // the probe reads CPU, heap and the Prometheus text without the admin token
            "--slotline.operations.public-endpoints=health,metrics,prometheus",
            "--spring.datasource.url=jdbc:h2:mem:bench{n};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");

    public GatewayLaunch {
        jvmArgs = List.copyOf(jvmArgs);
        argsTemplate = List.copyOf(argsTemplate);
        extraArgs = List.copyOf(extraArgs);
    }

    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public List<String> command(int port, String simUrl, String mode, int instance) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        for (String arg : argsTemplate) {
            command.add(arg.replace("{port}", Integer.toString(port))
                    .replace("{simUrl}", simUrl)
                    .replace("{mode}", mode)
                    .replace("{n}", Integer.toString(instance)));
        }
        command.addAll(extraArgs);
        return command;
    }
}
