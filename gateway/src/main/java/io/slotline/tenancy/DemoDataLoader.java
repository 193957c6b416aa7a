package io.slotline.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Profile demo: makes sure the demo tenant of CONTRACTS.md exists before anything else runs. */
@Component
@ConditionalOnProperty(name = "slotline.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_TENANT = "demo/demo-salon.yaml";
    /** A second, English-speaking tenant: the demo (and the benchmark) show that tenants never mix. */
    static final String SECOND_TENANT = "demo/other-tenant.yaml";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final TenantImporter importer;

    DemoDataLoader(TenantImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply(DEMO_TENANT);
        apply(SECOND_TENANT);
    }

    private void apply(String file) {
        TenantFile demo = TenantFile.read(new ClassPathResource(file));
        ImportReport report;
        try {
            report = importer.apply(demo);
        } catch (DuplicateKeyException e) {
            // another instance imported the same file at the same moment; its rows are now visible
            report = importer.apply(demo);
        }
        log.info("Demo tenant '{}' (id {}) applied: {}", demo.company().slug(), report.companyId(), report);
    }
}
