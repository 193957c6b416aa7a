package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slotline.functions.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CONTRACTS.md says what others rely on: it names every reason code and every metric the gateway exports. */
class ContractsDocumentTest {

    private static String contracts() throws IOException {
        return Files.readString(OpsArtifacts.ROOT.resolve("CONTRACTS.md"));
    }

    @Test
    void everyReasonCodeIsListed() throws IOException {
        String contracts = contracts();

        assertThat(Arrays.stream(Reason.values())
                        .map(Reason::wire)
                        .filter(wire -> !contracts.contains("`" + wire + "`")))
                .as("reason codes missing from CONTRACTS.md")
                .isEmpty();
    }

    @Test
    void everyExportedSlotlineMetricAndEveryMetricOpsReadsIsListed() throws IOException {
        PrometheusMeterRegistry registry = PrometheusRegistries.withSlotlineDistributions(new MockClock());
        OpsArtifacts.exerciseEveryMetric(registry);
        Set<String> names = new TreeSet<>(Stream.concat(
                        Scrape.parse(registry.scrape()).names().stream(),
                        OpsArtifacts.metricNames(Stream.concat(
                                        OpsArtifacts.dashboardQueries().stream(), OpsArtifacts.ruleQueries().stream()))
                                .stream())
                .filter(name -> name.startsWith("slotline_"))
                .map(ContractsDocumentTest::family)
                .collect(Collectors.toSet()));
        String contracts = contracts();

        assertThat(names).isNotEmpty();
        assertThat(names.stream().filter(name -> !contracts.contains(name)))
                .as("metrics missing from CONTRACTS.md")
                .isEmpty();
    }

    /** slotline_function_duration_seconds_bucket is listed as slotline_function_duration_seconds. */
    private static String family(String sample) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_max"}) {
            if (sample.endsWith(suffix)) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return sample;
    }
}
