package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpsArtifactsTest {

    private static final List<String> ALERTS = List.of(
            "SlotlineFunctionP95Over2s",
            "SlotlineFunctionP95Warning",
            "SlotlineErrorRateHigh",
            "SlotlineCacheHitRateLow",
            "SlotlineCalcomBreakerOpen",
            "SlotlineCalcomBudgetHigh",
            "SlotlineSignatureRejectionsSpike");

    private static Schema dashboardSchema() throws IOException {
        try (InputStream schema = OpsArtifactsTest.class.getResourceAsStream("grafana-dashboard.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema);
        }
    }

    @Test
    void dashboardSatisfiesTheSchema() throws IOException {
        List<Error> errors = dashboardSchema().validate(OpsArtifacts.dashboard());

        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRejectsAPanelWithoutQueriesAndAnOldSchemaVersion() throws IOException {
        ObjectNode broken = (ObjectNode) OpsArtifacts.dashboard();
        broken.put("schemaVersion", 36);
        ObjectNode firstGraph =
                (ObjectNode) StreamSupport.stream(broken.path("panels").spliterator(), false)
                        .filter(panel -> !panel.path("type").asString().equals("row"))
                        .findFirst()
                        .orElseThrow();
        firstGraph.remove("targets");

        List<String> errors =
                dashboardSchema().validate(broken).stream().map(Error::toString).toList();

        assertThat(errors).anyMatch(error -> error.contains("schemaVersion"));
        assertThat(errors).anyMatch(error -> error.contains("targets"));
    }

    @Test
    void dashboardPanelsHaveUniqueIdsAndDoNotOverlap() {
        JsonNode panels = OpsArtifacts.dashboard().path("panels");
        Set<Integer> ids = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("duplicate panel id %s", panel.path("id"))
                    .isTrue();
            JsonNode pos = panel.path("gridPos");
            assertThat(pos.path("x").asInt() + pos.path("w").asInt())
                    .as(panel.path("title").asString())
                    .isLessThanOrEqualTo(24);
            for (int x = pos.path("x").asInt();
                    x < pos.path("x").asInt() + pos.path("w").asInt();
                    x++) {
                for (int y = pos.path("y").asInt();
                        y < pos.path("y").asInt() + pos.path("h").asInt();
                        y++) {
                    assertThat(cells.add(x + "," + y))
                            .as("%s overlaps another panel", panel.path("title").asString())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void dashboardQueriesUseOnlyDefinedVariables() {
        Set<String> defined = new HashSet<>();
        for (JsonNode variable : OpsArtifacts.dashboard().path("templating").path("list")) {
            defined.add(variable.path("name").asString());
        }
        Pattern variableUse = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
        Set<String> used = new TreeSet<>();
        for (String query : OpsArtifacts.dashboardQueries()) {
            Matcher matcher = variableUse.matcher(query);
            while (matcher.find()) {
                if (!matcher.group(1).startsWith("__")) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(defined).containsAll(used);
        assertThat(used).contains("function", "tenant");
    }

    @Test
    void everyMetricTheDashboardAndRulesReadIsExportedByTheGateway() {
        PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());
        OpsArtifacts.exerciseEveryMetric(registry);
        Set<String> exported = Scrape.parse(registry.scrape()).names();

        Set<String> referenced = OpsArtifacts.metricNames(
                Stream.concat(OpsArtifacts.dashboardQueries().stream(), OpsArtifacts.ruleQueries().stream()));
        Set<String> fromSlotline = new TreeSet<>(referenced);
        fromSlotline.removeAll(OpsArtifacts.FRAMEWORK_METRICS);

        assertThat(referenced)
                .contains(
                        "slotline_function_duration_seconds_bucket",
                        "slotline_calcom_circuitbreaker_state",
                        "slotline_calls_active");
        assertThat(exported).containsAll(fromSlotline);
        assertThat(OpsArtifacts.FRAMEWORK_METRICS)
                .containsAll(referenced.stream()
                        .filter(name -> !name.startsWith("slotline_"))
                        .toList());
    }

    @Test
    void rulesDefineEveryAlertAndEveryRecordingRuleTheyUse() {
        List<Map<String, Object>> rules = OpsArtifacts.rules();
        Set<Object> alerts = new HashSet<>();
        Set<String> recorded = new HashSet<>();
        for (Map<String, Object> rule : rules) {
            if (rule.containsKey("alert")) {
                alerts.add(rule.get("alert"));
                assertThat(rule).as("%s", rule.get("alert")).containsKeys("for", "labels", "annotations");
            } else {
                recorded.add((String) rule.get("record"));
            }
        }

        assertThat(alerts).containsExactlyInAnyOrderElementsOf(ALERTS);
        assertThat(recorded).containsAll(OpsArtifacts.recordedNames(OpsArtifacts.ruleQueries().stream()));
    }
}
