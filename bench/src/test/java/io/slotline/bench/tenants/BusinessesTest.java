package io.slotline.bench.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.bench.calls.CallMix;
import io.slotline.bench.calls.CallPlan;
import io.slotline.bench.calls.CallPlanner;
import io.slotline.bench.calls.Tenant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BusinessesTest {

    @Test
    void theSameSeedGivesTheSameBusinessesAndBusinessKDoesNotDependOnN() {
        List<Business> ten = Businesses.generate(10, 42);
        List<Business> hundred = Businesses.generate(100, 42);

        assertThat(Businesses.generate(10, 42)).isEqualTo(ten);
        assertThat(hundred.subList(0, 10)).isEqualTo(ten);
        assertThat(Businesses.generate(10, 43)).isNotEqualTo(ten);
    }

    @Test
    void eachBusinessHasItsOwnKeysNumberTeamAndThreeToFiveStylistsAndThreeToSixServices() {
        List<Business> all = Businesses.generate(500, 7);
        Set<String> keys = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        Set<Long> eventTypeIds = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (Business b : all) {
            assertThat(keys.add(b.calcomKey())).isTrue();
            assertThat(keys.add(b.retellKey())).isTrue();
            assertThat(numbers.add(b.phoneNumber())).isTrue();
            assertThat(b.phoneNumber()).matches("\\+[1-9]\\d{7,14}");
            assertThat(b.stylists()).hasSizeBetween(3, 5);
            assertThat(b.services()).hasSizeBetween(3, 6);
            assertThat(b.services().stream().map(Business.Offer::name).distinct())
                    .hasSameSizeAs(b.services());
            assertThat(b.stylists().stream().map(Business.Stylist::name).distinct())
                    .hasSameSizeAs(b.stylists());
            b.stylists().forEach(s -> assertThat(usernames.add(s.username())).isTrue());
            for (Business.Offer o : b.services()) {
                assertThat(eventTypeIds.add(o.eventTypeId())).isTrue();
                assertThat(eventTypeIds.add(o.managedParentId())).isTrue();
                assertThat(o.staffEventTypeIds()).hasSameSizeAs(b.stylists());
                o.staffEventTypeIds()
                        .forEach(id -> assertThat(eventTypeIds.add(id)).isTrue());
            }
            assertThat(b.hours()).isNotEmpty();
            zones.add(b.zone().getId());
        }
        assertThat(zones).hasSizeGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> Businesses.generate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callsAreSpreadZipfLikeSomeBusinessesBusyMostQuiet() {
        List<Tenant> tenants =
                Businesses.generate(100, 42).stream().map(Business::caller).toList();
        List<CallPlan> plans = new CallPlanner(CallMix.defaults(), 42, tenants, 1.0).plan(20_000);

        Map<String, Long> perTenant =
                plans.stream().collect(Collectors.groupingBy(p -> p.tenant().name(), Collectors.counting()));
        long first = perTenant.get(tenants.get(0).name());
        long tenth = perTenant.getOrDefault(tenants.get(9).name(), 0L);
        long last = perTenant.getOrDefault(tenants.get(99).name(), 0L);

        // 1/k: the busiest gets about 19% of the calls (1/H(100)), the 10th a tenth of that, the 100th a hundredth
        assertThat(first).isBetween(3_500L, 4_200L);
        assertThat((double) first / tenth).isBetween(7.0, 13.0);
        assertThat((double) first / Math.max(1, last)).isBetween(60.0, 160.0);
        assertThat(plans).allSatisfy(p -> assertThat(p.tenant().services()).contains(p.service()));
        assertThat(plans.stream()
                        .map(CallPlan::tenant)
                        .map(Tenant::name)
                        .distinct()
                        .count())
                .isEqualTo(100);
    }

    @Test
    void callersOfABusinessClosedOnMondaysAskForTimesWithinItsHoursOnAnyDay() {
        Business tuesdayToSaturday = Businesses.generate(200, 42).stream()
                .filter(b -> !b.hours().containsKey(java.time.DayOfWeek.MONDAY))
                .findFirst()
                .orElseThrow();
        Tenant tenant = tuesdayToSaturday.caller();
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 12, 7);

        List<Tenant.WeightedTime> times = tenant.requestedTimes(monday);

        Tenant.Hours tuesday = tuesdayToSaturday.hours().get(java.time.DayOfWeek.TUESDAY);
        assertThat(times)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.time())
                        .isBetween(tuesday.open(), tuesday.close().minusMinutes(30)));
    }

    @Test
    void withoutGeneratedTenantsTheDemoPairIsCalledAsBefore() {
        List<CallPlan> before = new CallPlanner(CallMix.defaults(), 42).plan(50);
        List<CallPlan> after = new CallPlanner(CallMix.defaults(), 42, List.of(), 1.0).plan(50);

        assertThat(after).isEqualTo(before);
        assertThat(before).extracting(CallPlan::tenant).containsOnly(Tenant.DEMO_SALON, Tenant.OTHER_CUTS);
    }

    @Test
    void theTenantFileNamesEveryStylistServiceAndOwnEventTypeWithTheBusinessesKeys() {
        Business b = Businesses.generate(3, 42).get(2);
        String yaml = TenantDocuments.tenantFile(b);

        assertThat(yaml)
                .contains(
                        "slug: " + b.slug(),
                        "calcomApiKey: " + b.calcomKey(),
                        "retellApiKey: " + b.retellKey(),
                        "phoneNumbers: [\"" + b.phoneNumber() + "\"]",
                        "timeZone: " + b.zone().getId(),
                        "calcomTeamId: " + b.teamId(),
                        "- id: " + b.agentId());
        for (Business.Stylist s : b.stylists()) {
            assertThat(yaml).contains("calcomUsername: " + s.username(), "calcomUserId: " + s.userId());
        }
        for (Business.Offer o : b.services()) {
            assertThat(yaml).contains("calcomEventTypeId: " + o.eventTypeId());
            for (int i = 0; i < b.stylists().size(); i++) {
                assertThat(yaml)
                        .contains("{ staff: " + b.stylists().get(i).name() + ", id: "
                                + o.staffEventTypeIds().get(i) + ", slug: " + o.slug() + "-stylist }");
            }
        }
        Function<String, Long> count =
                needle -> yaml.lines().filter(l -> l.contains(needle)).count();
        assertThat(count.apply("calcomEventTypeId:")).isEqualTo(b.services().size());
    }
}
