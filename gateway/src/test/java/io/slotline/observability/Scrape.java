package io.slotline.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prometheus text exposition parsed into series -> value, so tests compare numbers rather than text prefixes. Public
 * for the features' own meter tests.
 */
public record Scrape(Map<String, Double> samples) {

    public static Scrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int split = line.lastIndexOf(' ');
            samples.put(line.substring(0, split), Double.parseDouble(line.substring(split + 1)));
        }
        return new Scrape(samples);
    }

    /** @param series name and labels exactly as rendered, e.g. {@code slotline_calls_active} or {@code x_total{a="b"}} */
    public double value(String series) {
        Double value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no series " + series + " in scrape; series of that name: "
                    + samples.keySet().stream()
                            .filter(s -> s.startsWith(
                                    series.contains("{") ? series.substring(0, series.indexOf('{')) : series))
                            .collect(Collectors.joining("\n  ", "\n  ", "")));
        }
        return value;
    }

    /** Metric names of all samples, e.g. slotline_function_duration_seconds_bucket. */
    public Set<String> names() {
        return samples.keySet().stream()
                .map(series -> series.contains("{") ? series.substring(0, series.indexOf('{')) : series)
                .collect(Collectors.toSet());
    }
}
