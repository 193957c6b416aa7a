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
