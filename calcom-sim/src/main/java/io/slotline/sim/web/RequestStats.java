package io.slotline.sim.web;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request counts per route template and status, applied response delays per route, and webhook deliveries per
 * trigger and outcome.
 */
public final class RequestStats {

    private volatile Instant since;
    private final Map<String, Map<String, LongAdder>> endpoints = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, LongAdder>> webhooks = new ConcurrentSkipListMap<>();
    private final Map<String, Delays> delays = new ConcurrentSkipListMap<>();
    private final LongAdder total = new LongAdder();
    /** Per API key: requests per second of the simulator clock, for the busiest minute of each key. */
    private final Map<String, Map<Long, LongAdder>> perKeySecond = new java.util.concurrent.ConcurrentHashMap<>();

    /** Simulated delays applied to one endpoint's responses. */
    private static final class Delays {
        private final LongAdder count = new LongAdder();
        private final LongAdder totalMs = new LongAdder();
        private final LongAccumulator maxMs = new LongAccumulator(Math::max, 0);
    }

    public RequestStats(Instant since) {
        this.since = since;
    }

    public void record(String endpoint, int status) {
        total.increment();
        count(endpoints, endpoint, Integer.toString(status));
    }

    /**
     * One API request made with {@code apiKey} at {@code at}: counted per key and second, so that {@code keys} in
     * {@link #toJson()} can say how close each key came to Cal.com's limit of requests per minute.
     */
    public void recordKey(String apiKey, Instant at) {
        perKeySecond
                .computeIfAbsent(apiKey, k -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(at.getEpochSecond(), s -> new LongAdder())
                .increment();
    }

    /** The most requests of {@code apiKey} within any 60 seconds since the last reset. */
    public long maxPerMinute(String apiKey) {
        Map<Long, LongAdder> seconds = perKeySecond.get(apiKey);
        if (seconds == null) {
            return 0;
        }
        java.util.TreeMap<Long, Long> sorted = new java.util.TreeMap<>();
        seconds.forEach((second, adder) -> sorted.put(second, adder.sum()));
        long best = 0;
        long inWindow = 0;
        java.util.ArrayDeque<Map.Entry<Long, Long>> window = new java.util.ArrayDeque<>();
        for (Map.Entry<Long, Long> entry : sorted.entrySet()) {
            window.addLast(entry);
            inWindow += entry.getValue();
            while (window.peekFirst().getKey() <= entry.getKey() - 60) {
                inWindow -= window.pollFirst().getValue();
            }
            best = Math.max(best, inWindow);
        }
        return best;
    }

    /** The response delay (latency or fault hold) the simulator applied to one request. */
    public void recordDelay(String endpoint, long millis) {
        Delays entry = delays.computeIfAbsent(endpoint, e -> new Delays());
        entry.count.increment();
        entry.totalMs.add(millis);
        entry.maxMs.accumulate(millis);
    }

    public void recordWebhook(String trigger, String outcome) {
        count(webhooks, trigger, outcome);
    }

    private static void count(Map<String, Map<String, LongAdder>> table, String key, String column) {
        table.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(column, c -> new LongAdder())
                .increment();
    }

    public synchronized void reset(Instant now) {
        since = now;
        endpoints.clear();
        webhooks.clear();
        delays.clear();
        perKeySecond.clear();
        total.reset();
    }

    public long count(String endpoint, int status) {
        Map<String, LongAdder> byStatus = endpoints.get(endpoint);
        LongAdder adder = byStatus == null ? null : byStatus.get(Integer.toString(status));
        return adder == null ? 0 : adder.sum();
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("since", Times.iso(since));
        json.put("total", total.sum());
        json.set("endpoints", table(endpoints));
        ObjectNode delayJson = json.putObject("delays");
        delays.forEach((endpoint, entry) -> {
            ObjectNode row = delayJson.putObject(endpoint);
            row.put("count", entry.count.sum());
            row.put("totalMs", entry.totalMs.sum());
            row.put("maxMs", entry.maxMs.get());
        });
        json.set("webhooks", table(webhooks));
        ObjectNode keys = json.putObject("keys");
        new java.util.TreeMap<>(perKeySecond).forEach((key, seconds) -> {
            ObjectNode row = keys.putObject(key);
            row.put("total", seconds.values().stream().mapToLong(LongAdder::sum).sum());
            row.put("maxPerMinute", maxPerMinute(key));
        });
        return json;
    }

    private static ObjectNode table(Map<String, Map<String, LongAdder>> table) {
        ObjectNode json = Json.object();
        table.forEach((key, columns) -> {
            ObjectNode row = json.putObject(key);
            columns.forEach((column, adder) -> row.put(column, adder.sum()));
        });
        return json;
    }
}
