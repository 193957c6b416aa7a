package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountTagsTest {

    @Test
    void withTenantTagsOffEveryCompanyIsAll() {
        AccountTags tags = AccountTags.of(MetricsProperties.defaults());

        assertThat(tags.perTenant()).isFalse();
        assertThat(tags.tag("demo-salon")).isEqualTo("all");
        assertThat(tags.tag(null)).isEqualTo("all");
    }

    @Test
    void withTenantTagsTheSlugIsTheTagUpToTheLimitThenOther() {
        AccountTags tags = AccountTags.of(new MetricsProperties(true, 2));

        assertThat(tags.perTenant()).isTrue();
        assertThat(tags.tag("demo-salon")).isEqualTo("demo-salon");
        assertThat(tags.tag("other-salon")).isEqualTo("other-salon");
        assertThat(tags.tag("third-salon")).isEqualTo("other");
        assertThat(tags.tag("demo-salon")).as("a known slug stays itself").isEqualTo("demo-salon");
        assertThat(tags.tag("Not A Slug!")).isEqualTo("other");
    }
}
