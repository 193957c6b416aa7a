package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionPropertiesTest {

    @Test
    void defaultDeadlinesLeaveTheNetworkMarginInsideRetellsTimeout() {
        FunctionProperties defaults = FunctionProperties.defaults();

        assertThat(defaults.readDeadline().plus(defaults.networkMargin())).isLessThanOrEqualTo(defaults.toolTimeout());
        assertThat(defaults.changeDeadline().plus(defaults.networkMargin()))
                .isLessThanOrEqualTo(defaults.toolTimeout());
        assertThat(defaults.toolTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aDeadlineThatRetellWouldNotWaitForIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new FunctionProperties(
                        Duration.ofSeconds(10),
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(8),
                        Map.of("book_appointment", Duration.ofSeconds(9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadlines.book_appointment");
        assertThatThrownBy(() -> new FunctionProperties(
                        Duration.ofSeconds(6),
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(4),
                        Map.of()))
                .hasMessageContaining("read-deadline");
    }

    @Test
    void aFunctionsOwnDeadlineWinsOverItsKindsDefault() {
        FunctionProperties properties = new FunctionProperties(
                Duration.ofSeconds(10),
                Duration.ofMillis(1500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(8),
                Map.of("check_availability", Duration.ofSeconds(3)));
        FunctionHandler<Object> read = handler("check_availability", false);
        FunctionHandler<Object> otherRead = handler("get_alternatives", false);
        FunctionHandler<Object> change = handler("book_appointment", true);

        assertThat(properties.deadline(read)).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.deadline(otherRead)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.deadline(change)).isEqualTo(Duration.ofSeconds(8));
    }

    private static FunctionHandler<Object> handler(String name, boolean mutating) {
        if (mutating) {
            return new MutatingFunction<>() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String description() {
                    return name;
                }

                @Override
                public Class<Object> argsType() {
                    return Object.class;
                }

                @Override
                public FunctionResult handle(CallContext context, Object args) {
                    return FunctionResult.ok("");
                }
            };
        }
        return new FunctionHandler<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public Class<Object> argsType() {
                return Object.class;
            }

            @Override
            public FunctionResult handle(CallContext context, Object args) {
                return FunctionResult.ok("");
            }
        };
    }
}
