package io.slotline.bench.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The same report as JSON, for scripts and for comparing runs over time. */
public final class JsonReport {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {}

    public static String render(BenchReport report) {
        return JSON.writeValueAsString(report);
    }
}
