package io.slotline.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallPlannerTest {

    @Test
    void sameSeedSameCallers() {
        List<CallPlan> a = new CallPlanner(CallMix.defaults(), 5).plan(50);
        List<CallPlan> b = new CallPlanner(CallMix.defaults(), 5).plan(50);

        assertThat(a).isEqualTo(b);
        assertThat(new CallPlanner(CallMix.defaults(), 6).plan(50)).isNotEqualTo(a);
    }

    @Test
    void defaultMixBooksAboutHalfAndCancelsOrReschedulesAboutOneInTen() {
        List<CallPlan> plans = new CallPlanner(CallMix.defaults(), 11).plan(4000);
        Map<Intent, Long> intents =
                plans.stream().collect(Collectors.groupingBy(CallPlan::intent, Collectors.counting()));

        assertThat(intents.get(Intent.BOOK) / 4000.0).isBetween(0.47, 0.53);
        assertThat((intents.get(Intent.CANCEL) + intents.get(Intent.RESCHEDULE)) / 4000.0)
                .isBetween(0.08, 0.12);
        Map<String, Long> tenants =
                plans.stream().collect(Collectors.groupingBy(p -> p.tenant().name(), Collectors.counting()));
        assertThat(tenants.get("Other Cuts") / 4000.0).isBetween(0.22, 0.28);
    }

    @Test
    void thinkTimesAndCallLengthsAreThoseOfRealCalls() {
        for (CallPlan plan : new CallPlanner(CallMix.defaults(), 3).plan(500)) {
            assertThat(plan.thinkSeconds()).allSatisfy(t -> assertThat(t).isBetween(2.0, 20.0));
            assertThat(plan.callSeconds()).isBetween(60.0, 180.0);
            assertThat(plan.daysAhead()).isBetween(1, 7);
        }
    }

    @Test
    void servicesBelongToTheDialledTenant() {
        for (CallPlan plan : new CallPlanner(CallMix.defaults(), 8).plan(300)) {
            assertThat(plan.tenant().services()).contains(plan.service());
            if (plan.staff() != null) {
                assertThat(plan.tenant().staff()).contains(plan.staff());
            }
        }
    }

    @Test
    void mixIsConfigurable() {
        CallMix onlyCancels = CallMix.parse("book=0,inquire=0,cancel=1,reschedule=0,other-tenant=0");
        Map<Intent, Long> intents = new CallPlanner(onlyCancels, 1)
                .plan(100).stream().collect(Collectors.groupingBy(CallPlan::intent, Collectors.counting()));

        assertThat(intents).containsOnlyKeys(Intent.CANCEL);
        assertThatThrownBy(() -> CallMix.parse("bogus=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallMix.parse("book=0,inquire=0,cancel=0,reschedule=0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afternoonsAreAskedForMoreThanMornings() {
        Map<Boolean, Double> weightByAfternoon =
                Tenant.DEMO_SALON.requestedTimes(java.time.LocalDate.of(2026, 11, 18)).stream()
                        .collect(Collectors.groupingBy(
                                t -> t.time().getHour() >= 14,
                                Collectors.averagingDouble(Tenant.WeightedTime::weight)));

        assertThat(weightByAfternoon.get(true)).isGreaterThan(weightByAfternoon.get(false));
        assertThat(Tenant.DEMO_SALON.requestedTimes(java.time.LocalDate.of(2026, 11, 21)))
                .extracting(Tenant.WeightedTime::time)
                .allSatisfy(t -> assertThat(t).isBefore(java.time.LocalTime.of(14, 0)));
    }
}
