package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.observability.SlotlineMetrics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever arguments an agent sends, the dispatcher either accepts them into the function's argument record or
 * refuses them with a message naming the field, never a Java type, and never anything but that refusal.
 */
class FunctionArgumentProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // handlers are only asked for their names and argument types here
    private static final FunctionDispatcher DISPATCHER = new FunctionDispatcher(List.of(
            new CheckAvailability(null, null), new GetAlternatives(null, null), new FindNextAvailable(null, null),
            new BookAppointment(null, null, null), new CancelAppointment(null, null),
            new RescheduleAppointment(null, null, null), new GetAppointments(null), new ListServices(null),
            new RequestCallback(null), new CheckCustomer(null, null, null), new GetCurrentContext(null)),
            JSON, null, null, new SlotlineMetrics(new SimpleMeterRegistry()), Clock.systemUTC());

    @Property(tries = 1000)
    void argumentsAreAcceptedOrRefusedByFieldName(@ForAll("functions") String function,
                                                   @ForAll("arguments") JsonNode args) {
        try {
            DISPATCHER.prepare(function, args);
        } catch (FunctionRequestException refused) {
            assertThat(refused.code()).isEqualTo("invalid_arguments");
            assertThat(refused.getMessage()).doesNotContain("java.").doesNotContain("jackson")
                    .doesNotContain("JsonToken").doesNotContain("creator").doesNotContain("`")
                    .doesNotContain("io.slotline");
            return;
        }
        assertThatCode(() -> JSON.writeValueAsString(args)).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> functions() {
        return Arbitraries.of(DISPATCHER.handlers().stream().map(FunctionHandler::name).toList());
    }

    @Provide
    Arbitrary<JsonNode> arguments() {
        Arbitrary<String> fields = Arbitraries.oneOf(Arbitraries.of("service", "date", "time", "staff", "count",
                "max_days", "after", "preference", "customer_name", "customer_phone", "customer_email", "notes",
                "appointment_id", "booked_phone", "phone", "confirm_fee", "new_date", "new_time", "reason",
                "preferred_time"), Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.maps(fields, FuzzValues.json()).ofMaxSize(6).map(map -> {
            var object = JSON.createObjectNode();
            map.forEach(object::set);
            return (JsonNode) object;
        });
    }
}
