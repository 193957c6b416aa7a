package io.slotline.bench.sut;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Just enough of the Prometheus text format to sum a counter's samples by label. */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * Sum of all samples named exactly {@code metric} whose labels include {@code labels}; empty when no sample
     * matches (the gateway does not export it).
     */
    public static OptionalDouble sum(String exposition, String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String rawLine : exposition.split("\n")) {
            String line = rawLine.trim();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int nameEnd = metric.length();
            if (line.length() == nameEnd) {
                continue;
            }
            char next = line.charAt(nameEnd);
            Map<String, String> sampleLabels = Map.of();
            String rest;
            if (next == '{') {
                int close = labelsEnd(line, nameEnd);
                if (close < 0) {
                    continue;
                }
                sampleLabels = parseLabels(line.substring(nameEnd + 1, close));
                rest = line.substring(close + 1).trim();
            } else if (next == ' ' || next == '\t') {
                rest = line.substring(nameEnd).trim();
            } else {
                continue; // a longer metric name that merely starts the same
            }
            if (!sampleLabels.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            String value = rest.split("\\s+")[0];
            try {
                double v = Double.parseDouble(value);
                if (!Double.isNaN(v)) {
                    sum += v;
                    found = true;
                }
            } catch (NumberFormatException ignored) {
                // malformed sample: skip it, the rest is still useful
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private static int labelsEnd(String line, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().replaceFirst("^,", "").trim();
            int start = text.indexOf('"', eq);
            if (start < 0) {
                break;
            }
            StringBuilder value = new StringBuilder();
            int j = start + 1;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char escaped = text.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else if (c == '"') {
                    break;
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }
}
