package io.slotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package under {@code io.slotline} is a feature (a module, in Spring Modulith's terms). Features
 * depend on each other in one direction only; where the arrow would point back they talk through events
 * (call started/ended from retell, appointment booked/cancelled/moved from appointments). A sub-package is its
 * feature's own: no other feature reaches into it.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SlotlineApplication.class);

    @Test
    void featuresHaveNoCyclesAndUseOnlyEachOthersTopLevelTypes() {
        MODULES.verify();
    }

    @Test
    void theFeaturesAreTheTopLevelPackages() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains(
                        "retell",
                        "functions",
                        "booking",
                        "appointments",
                        "availability",
                        "calcom",
                        "calls",
                        "admin",
                        "console");
    }
}
