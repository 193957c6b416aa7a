package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.tenancy.Language;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever arguments an agent sends, they are read into the function's argument record or answered with what to
 * correct, naming the field and what belongs there, never a Java type, in either language.
 */
class FunctionArgumentProperties {

    // as the dispatcher reads arguments: stray fields are ignored
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Map<String, Class<?>> ARGUMENTS = Map.of(
            "check_availability", CheckAvailability.Args.class,
            "get_alternatives", GetAlternatives.Args.class,
            "find_next_available", FindNextAvailable.Args.class,
            "book_appointment", BookAppointment.Args.class,
            "cancel_appointment", CancelAppointment.Args.class,
            "reschedule_appointment", RescheduleAppointment.Args.class,
            "request_callback", RequestCallback.Args.class);

    @Property(tries = 1000)
    void argumentsAreReadOrAnsweredByFieldName(
            @ForAll("functions") String function, @ForAll("arguments") JsonNode args) {
        try {
            JSON.treeToValue(args, ARGUMENTS.get(function));
        } catch (JacksonException e) {
            ArgumentCheck.Problem problem = ArgumentCheck.unreadable(e);
            for (Language language : Language.values()) {
                FunctionResult answer = problem.answer(language);
                assertThat(answer.ok()).isFalse();
                assertThat(answer.message())
                        .doesNotContain("java.")
                        .doesNotContainIgnoringCase("jackson")
                        .doesNotContain("JsonToken")
                        .doesNotContain("creator")
                        .doesNotContain("`")
                        .doesNotContain("io.slotline");
                assertThat(String.valueOf(answer.data().get("field"))).matches("[a-z_]+");
            }
        }
    }

    @Provide
    Arbitrary<String> functions() {
        return Arbitraries.of(List.copyOf(ARGUMENTS.keySet()));
    }

    @Provide
    Arbitrary<JsonNode> arguments() {
        Arbitrary<String> fields = Arbitraries.oneOf(
                Arbitraries.of(
                        "service",
                        "date",
                        "time",
                        "staff",
                        "count",
                        "max_days",
                        "after",
                        "preference",
                        "customer_name",
                        "customer_phone",
                        "customer_email",
                        "notes",
                        "appointment_id",
                        "booked_phone",
                        "phone",
                        "confirm_fee",
                        "new_date",
                        "new_time",
                        "reason",
                        "preferred_time"),
                Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.maps(fields, FuzzValues.json()).ofMaxSize(6).map(map -> {
            var object = JSON.createObjectNode();
            map.forEach(object::set);
            return (JsonNode) object;
        });
    }
}
