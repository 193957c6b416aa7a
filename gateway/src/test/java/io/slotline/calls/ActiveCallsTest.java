package io.slotline.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.TenantContext;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveCallsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActiveCalls calls = new ActiveCalls(registry);

    private double gauge() {
        return registry.get(ActiveCalls.NAME).gauge().value();
    }

    @Test
    void countsCallsFromStartToEndWhateverEndsThemAndHowOften() {
        TenantContext salon = tenant(1);
        TenantContext other = tenant(2);
        assertThat(gauge()).isZero();

        calls.on(new CallStarted(salon, "call_a"));
        calls.on(new CallStarted(salon, "call_b"));
        calls.on(new CallStarted(other, "call_a"));
        assertThat(gauge())
                .as("the same call id of another company is another call")
                .isEqualTo(3);

        calls.on(new CallEnded(salon, "call_a"));
        calls.on(new CallEnded(salon, "call_a"));
        calls.on(new CallEnded(salon, "call_never_started"));
        assertThat(gauge())
                .as("call_analyzed after call_ended, an end without start: nothing more")
                .isEqualTo(2);
    }

    private static TenantContext tenant(long companyId) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        return new TenantContext(
                new Company(
                        companyId,
                        "salon-" + companyId,
                        "Salon",
                        Language.DE,
                        zone,
                        new Policies(6, 12, 2, List.of()),
                        60,
                        true),
                new Branch(companyId, companyId, "Main", zone, null, true, null),
                null);
    }
}
