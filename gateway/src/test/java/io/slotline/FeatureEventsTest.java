package io.slotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

class FeatureEventsTest {

    record SomethingHappened(String what) {}

    static class Heard {
        final List<String> events = new CopyOnWriteArrayList<>();
    }

    static class FailingListener {
        @EventListener
        @Order(1)
        void on(SomethingHappened event) {
            throw new IllegalStateException("this listener is broken");
        }
    }

    static class WorkingListener {
        private final Heard heard;

        WorkingListener(Heard heard) {
            this.heard = heard;
        }

        @EventListener
        @Order(2)
        void on(SomethingHappened event) {
            heard.events.add(event.what());
        }

        /** A payload whose class is not Slotline's. */
        @EventListener
        void on(StringBuilder notOurs) {
            throw new IllegalArgumentException("refused " + notOurs);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(FeatureEvents.class)
            .withBean(Heard.class)
            .withBean(FailingListener.class)
            .withBean(WorkingListener.class);

    @Test
    void aFailingListenerNeitherStopsTheOthersNorReachesThePublisher() {
        runner.run(context -> {
            context.publishEvent(new SomethingHappened("call ended"));

            assertThat(context.getBean(Heard.class).events).containsExactly("call ended");
        });
    }

    @Test
    void eventsThatAreNotSlotlinesKeepSpringsBehaviour() {
        runner.run(context -> assertThatThrownBy(() -> context.publishEvent(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused x"));
    }
}
