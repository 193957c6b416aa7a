package io.slotline.tenancy;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON-in-VARCHAR columns (synonyms, fee table): portable between H2 and PostgreSQL. */
final class TenancyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<FeeRule>> FEES = new TypeReference<>() {};
    private static final TypeReference<List<ServiceStep>> STEPS = new TypeReference<>() {};

    private TenancyJson() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static List<String> strings(String json) {
        return List.copyOf(MAPPER.readValue(json, STRINGS));
    }

    static List<ServiceStep> steps(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(MAPPER.readValue(json, STEPS));
    }

    static List<FeeRule> fees(String json) {
        return List.copyOf(MAPPER.readValue(json, FEES));
    }
}
