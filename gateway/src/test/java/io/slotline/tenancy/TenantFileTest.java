package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TenantFileTest {

    @Test
    void otherTenantFileMatchesTheContract() {
        TenantFile other = TenantFile.read(new ClassPathResource("demo/other-tenant.yaml"));

        assertThat(other.company().name()).isEqualTo("Other Cuts");
        assertThat(other.company().language()).isEqualTo(Language.EN);
        assertThat(other.company().defaultTimeZone().getId()).isEqualTo("Europe/London");
        assertThat(other.company().secrets().calcomApiKey()).isEqualTo("cal_other");
        assertThat(other.company().secrets().retellApiKey()).isEqualTo("key_other");
        assertThat(other.branches().get(0).numbers()).containsExactly("+442071230000");
        assertThat(other.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Haircut");
            assertThat(s.calcomEventTypeId()).isEqualTo(2001L);
            assertThat(s.calcomEventTypeSlug()).isEqualTo("haircut");
            assertThat(s.durationMinutes()).isEqualTo(30);
        });
        assertThat(other.staff()).singleElement().satisfies(s -> {
            assertThat(s.calcomUsername()).isEqualTo("carl-other");
            assertThat(s.calcomUserId()).isEqualTo(601L);
        });
    }

    @Test
    void misspelledFieldIsRejectedWithItsName() {
        assertThatThrownBy(() -> read("""
                company: { slug: x, name: X, language: de, defaultTimeZone: Europe/Berlin, bookingWindowDay: 30 }
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bookingWindowDay");
    }

    @Test
    void unsupportedLanguageAndZoneAreRejected() {
        assertThatThrownBy(() -> read("company: { slug: x, name: X, language: fr, defaultTimeZone: Europe/Paris }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
        assertThatThrownBy(() -> read("company: { slug: x, name: X, language: de, defaultTimeZone: Mars/Base }"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidValuesFailWhenTheSpecIsBuilt() {
        TenantFile badSlug = read("company: { slug: Not A Slug, name: X, language: de, defaultTimeZone: UTC }");
        TenantFile badService = read("""
                company: { slug: x, name: X, language: de, defaultTimeZone: UTC }
                services: [ { name: Cut, durationMinutes: 0 } ]
                """);

        assertThatThrownBy(() -> badSlug.company().toSpec()).hasMessageContaining("slug");
        assertThatThrownBy(() -> badService.services().get(0).toSpec()).hasMessageContaining("durationMinutes");
    }

    @Test
    void secretsNeverAppearInToString() {
        TenantFile file = read("""
                company:
                  slug: x
                  name: X
                  language: de
                  defaultTimeZone: UTC
                  secrets: { calcomApiKey: cal_live_supersecret }
                """);

        assertThat(file.toString()).doesNotContain("supersecret");
    }

    @Test
    void cancellationFeeFollowsTheLargestNoticeRuleThatApplies() {
        Policies policies =
                new Policies(24, 24, 3, List.of(new FeeRule(0, 2500), new FeeRule(48, 0), new FeeRule(24, 1000)));

        assertThat(policies.cancellationFeeCents(Duration.ofHours(72))).isZero();
        assertThat(policies.cancellationFeeCents(Duration.ofHours(48))).isZero();
        assertThat(policies.cancellationFeeCents(Duration.ofHours(30))).isEqualTo(1000);
        assertThat(policies.cancellationFeeCents(Duration.ofHours(2))).isEqualTo(2500);
        assertThat(policies.cancellationFeeCents(Duration.ofHours(-1))).isEqualTo(2500);
        assertThat(Policies.DEFAULTS.cancellationFeeCents(Duration.ZERO)).isZero();
    }

    private static TenantFile read(String yaml) {
        return TenantFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
