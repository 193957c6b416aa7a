package io.slotline.bench.sut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body the bench POSTs to {@code /_sim/config}: upstream latency per endpoint group and optional faults.
 * This is the one place that knows the simulator's config shape ({@code {"latency":{"slots":{"type":"lognormal",
 * "medianMs":300,"p99Ms":1200}},"faults":{"slots":{"errorRate":0.05}}}}, per endpoint group); adjust here if the
 * simulator's shape changes.
 *
 * @param slotsMedianMs    median latency of GET /v2/slots
 * @param slotsP99Ms       99th percentile of GET /v2/slots
 * @param bookingsMedianMs median latency of the bookings endpoints
 * @param bookingsP99Ms    99th percentile of the bookings endpoints
 * @param faults           per-group fault settings (e.g. {@code {"errorRate":0.05}}), or empty
 * @param rawOverride      a complete JSON body to send instead of the generated one
 */
public record SimConfig(
        double slotsMedianMs,
        double slotsP99Ms,
        double bookingsMedianMs,
        double bookingsP99Ms,
        Map<String, Object> faults,
        @Nullable String rawOverride) {

    /** Bookings latency also applies to reservations: both are writes the gateway may make while booking. */
    static final List<String> BOOKING_GROUPS = List.of("reservations", "bookings");

    static final List<String> FAULT_GROUPS = List.of("slots", "reservations", "bookings");
    private static final JsonMapper JSON = JsonMapper.shared();

    public SimConfig {
        faults = Map.copyOf(faults);
    }

    /** Cal.com-like latency: slots 300 ms median / 1.2 s p99, bookings 600 ms / 2 s; no faults. */
    public static SimConfig defaults() {
        return new SimConfig(300, 1200, 600, 2000, Map.of(), null);
    }

    public SimConfig withFaults(String spec) {
        return new SimConfig(
                slotsMedianMs, slotsP99Ms, bookingsMedianMs, bookingsP99Ms, parseFaults(spec), rawOverride);
    }

    public SimConfig withRawOverride(String json) {
        return new SimConfig(slotsMedianMs, slotsP99Ms, bookingsMedianMs, bookingsP99Ms, faults, json);
    }

    /**
     * Body of {@code POST /_sim/reset}: reload the demo scenario (so bookings made by the previous mode are gone and
     * both modes see the same calendar), restore the initial config, drop webhook subscriptions of the previous
     * gateway; request counters reset too.
     */
    public String resetJson() {
        return "{\"scenario\":\"demo\",\"config\":true,\"webhooks\":true}";
    }

    public String toJson() {
        if (rawOverride != null) {
            return rawOverride;
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("slots", logNormal(slotsMedianMs, slotsP99Ms));
        for (String group : BOOKING_GROUPS) {
            latency.put(group, logNormal(bookingsMedianMs, bookingsP99Ms));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latency", latency);
        // no 429s in either mode: see GatewayLaunch.DEFAULT_ARGS (requests per call are reported instead)
        body.put("rateLimit", Map.of("enabled", false));
        if (!faults.isEmpty()) {
            Map<String, Object> perGroup = new LinkedHashMap<>();
            for (String group : FAULT_GROUPS) {
                perGroup.put(group, new LinkedHashMap<>(faults));
            }
            body.put("faults", perGroup);
        }
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> logNormal(double medianMs, double p99Ms) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "lognormal");
        model.put("medianMs", Math.round(medianMs));
        model.put("p99Ms", Math.round(p99Ms));
        return model;
    }

    /**
     * {@code 0.05} (error rate), {@code error-rate=0.05,timeout-rate=0.01} (kebab keys become camelCase), or a
     * JSON object passed through as it is.
     */
    static Map<String, Object> parseFaults(String spec) {
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        if (trimmed.startsWith("{")) {
            try {
                Map<String, Object> parsed = new LinkedHashMap<>();
                JSON.readTree(trimmed)
                        .properties()
                        .forEach(e -> parsed.put(e.getKey(), JSON.treeToValue(e.getValue(), Object.class)));
                return parsed;
            } catch (JacksonException e) {
                throw new IllegalArgumentException("--faults is not valid JSON: " + e.getOriginalMessage());
            }
        }
        Map<String, Object> faults = new LinkedHashMap<>();
        if (!trimmed.contains("=")) {
            faults.put("errorRate", rate("error-rate", trimmed));
            return faults;
        }
        for (String part : trimmed.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--faults entry must be key=value: " + part);
            }
            faults.put(camel(kv[0].trim()), rate(kv[0].trim(), kv[1].trim()));
        }
        return faults;
    }

    private static double rate(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--faults " + key + " is not a number: " + value);
        }
    }

    private static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
