package io.slotline.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.availability.AvailabilityMeters;
import io.slotline.calcom.CalcomMeters;
import io.slotline.calls.CallsMeters;
import io.slotline.functions.FunctionsMeters;
import io.slotline.retell.RetellMeters;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files under ops/ as tests see them: the dashboard, the rules, and the metric names their queries use. */
final class OpsArtifacts {

    static final Path ROOT = findRoot();
    static final Path DASHBOARD = ROOT.resolve("ops/grafana/slotline-dashboard.json");
    static final Path RULES = ROOT.resolve("ops/prometheus/slotline-rules.yml");

    /** Metrics from Spring Boot itself, not from Slotline's features. */
    static final Set<String> FRAMEWORK_METRICS = Set.of("http_server_requests_seconds_count");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

    private OpsArtifacts() {}

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops/grafana"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ops/ directory above " + Path.of("").toAbsolutePath());
    }

    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(DASHBOARD.toFile());
    }

    /** Every PromQL query of the dashboard: panel targets and variable queries. */
    static List<String> dashboardQueries() {
        JsonNode dashboard = dashboard();
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString().equals("query")) {
                queries.add(variable.path("definition").asString());
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        try (Reader reader = Files.newBufferedReader(RULES)) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ruleQueries() {
        return rules().stream().map(rule -> (String) rule.get("expr")).toList();
    }

    /** Names of raw metrics a query reads (recording-rule names, which contain a colon, excluded). */
    static Set<String> metricNames(Stream<String> queries) {
        Set<String> names = new TreeSet<>();
        queries.forEach(query -> {
            Matcher matcher = IDENTIFIER.matcher(query);
            while (matcher.find()) {
                String token = matcher.group();
                boolean slotline = token.startsWith("slotline_") || token.startsWith("http_server_requests_");
                if (slotline && !token.contains(":")) {
                    names.add(token);
                }
            }
        });
        return names;
    }

    /** Recording-rule names (level:metric:operation) a query reads. */
    static Set<String> recordedNames(Stream<String> queries) {
        Set<String> names = new TreeSet<>();
        queries.forEach(query -> {
            Matcher matcher = IDENTIFIER.matcher(query);
            while (matcher.find()) {
                if (matcher.group().contains(":")) {
                    names.add(matcher.group());
                }
            }
        });
        return names;
    }

    /**
     * Gives each Slotline metric a series, through the features that own them: the availability cache's meters, a
     * Retell webhook and signature rejection, the functions' meters, a Cal.com request, a circuit breaker that opened
     * (the transitions counter too) and the calls gauge.
     */
    static void exerciseEveryMetric(MeterRegistry registry) {
        AvailabilityMeters.exercise(registry);
        CalcomMeters.exercise(registry);
        CalcomMeters.exerciseCircuitBreakers(registry);
        CallsMeters.register(registry);
        FunctionsMeters.exercise(registry);
        RetellMeters.exercise(registry);
    }
}
