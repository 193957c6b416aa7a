package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/** Profile demo: the application starts with the demo tenant of CONTRACTS.md in place. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "demo"})
class DemoDataLoaderTest {

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantImporter importer;

    @Test
    void demoTenantIsThereAtStartup() {
        TenantContext demo = directory.byDialledNumber("+4930120000").orElseThrow();

        assertThat(demo.company().slug()).isEqualTo("demo-salon");
        assertThat(demo.branch().name()).isEqualTo("Berlin Mitte");
        assertThat(directory.activeServices(demo.companyId()))
                .extracting(Service::calcomEventTypeId)
                .containsExactly(1001L, 1002L, 1003L);
        assertThat(directory.calcomApiKey(demo.companyId())).contains("cal_demo");
        assertThat(directory.retellApiKey(demo.companyId())).contains("key_demo");
    }

    @Test
    void loadingAgainChangesNothing() {
        ImportReport again = importer.apply(new ClassPathResource(DemoDataLoader.DEMO_TENANT));

        assertThat(again.changed()).isFalse();
    }
}
