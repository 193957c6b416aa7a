package io.slotline.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Whatever a client sends, the explanation names fields and kinds of values, never Java or Jackson types. */
class JsonProblemsTest {

    record Fee(int minNoticeHours, int feeCents) {}

    record Policy(
            @Nullable Integer maxReschedules,
            @Nullable Boolean active,
            @Nullable List<Fee> fees,
            @Nullable String name) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 300)
    void explanationsNeverNameJavaTypes(@ForAll("documents") String document) {
        try {
            JSON.readValue(document, Policy.class);
        } catch (JacksonException e) {
            JsonProblems.Problem problem = JsonProblems.of(e);
            assertThat(problem.message())
                    .doesNotContainIgnoringCase("java")
                    .doesNotContain("io.slotline")
                    .doesNotContain("JsonToken")
                    .doesNotContain("creator")
                    .doesNotContain("index")
                    .doesNotContain("`")
                    .doesNotContainIgnoringCase("jackson");
            if (problem.field() != null) {
                assertThat(problem.message()).contains(problem.field());
            }
        }
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> JSON.writeValueAsString(s)),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of(
                        "true",
                        "false",
                        "null",
                        "[]",
                        "{}",
                        "[1,2]",
                        "{\"a\":1}",
                        "1e999",
                        "-0",
                        "99999999999999999999",
                        "[{\"minNoticeHours\":\"x\"}]",
                        "[{\"feeCents\":1.5}]",
                        "[null]"));
        Arbitrary<String> keys = Arbitraries.of("maxReschedules", "active", "fees", "name", "unknown", "");
        Arbitrary<String> objects = Arbitraries.maps(keys, values).ofMaxSize(4).map(map -> {
            StringBuilder text = new StringBuilder("{");
            map.forEach((key, value) -> text.append(text.length() > 1 ? "," : "")
                    .append(JSON.writeValueAsString(key))
                    .append(':')
                    .append(value));
            return text.append('}').toString();
        });
        return Arbitraries.oneOf(
                objects,
                values,
                Arbitraries.strings().ofMaxLength(30),
                objects.map(o -> o.substring(0, Math.max(0, o.length() - 1))));
    }
}
