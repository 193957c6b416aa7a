package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.slotline.support.Database;
import io.slotline.support.OnEveryDatabase;
import io.slotline.tenancy.ImportReport.Counts;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.core.io.ClassPathResource;

@OnEveryDatabase
class TenantImporterTest {

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    TenancyFixture fixture;
    TenantFiles.Unique salon;

    @BeforeEach
    void setUp() {
        fixture = new TenancyFixture(dataSource());
        salon = TenantFiles.salon();
    }

    @Test
    void firstApplyCreatesEverything() {
        ImportReport report = fixture.importer.apply(salon.file());

        assertThat(report.company()).isEqualTo(new Counts(1, 0, 0, 0));
        assertThat(report.secrets()).isEqualTo(new Counts(2, 0, 0, 0));
        assertThat(report.branches()).isEqualTo(new Counts(1, 0, 0, 0));
        assertThat(report.phoneNumbers()).isEqualTo(new Counts(1, 0, 0, 0));
        assertThat(report.staff()).isEqualTo(new Counts(2, 0, 0, 0));
        assertThat(report.services()).isEqualTo(new Counts(2, 0, 0, 0));
        assertThat(report.serviceStaff()).isEqualTo(new Counts(4, 0, 0, 0));

        TenantContext tenant = fixture.directory.byDialledNumber(salon.number()).orElseThrow();
        assertThat(tenant.company().slug()).isEqualTo(salon.slug());
        assertThat(tenant.company().policies().cancellationDeadlineHours()).isEqualTo(12);
        assertThat(tenant.company().policies().rescheduleDeadlineHours()).isEqualTo(24);
        assertThat(tenant.branch().address()).isEqualTo("Torstraße 1");
        assertThat(fixture.directory.calcomApiKey(report.companyId())).contains("cal_test_" + salon.slug());
        assertThat(fixture.directory.calcomWebhookSecret(report.companyId())).isEmpty();
    }

    @Test
    void applyingTheSameFileTwiceChangesNothingTheSecondTime() {
        ImportReport first = fixture.importer.apply(salon.file());
        String encryptedKey = rawSecretColumn(first.companyId());

        ImportReport second = fixture.importer.apply(salon.file());

        assertThat(second.changed()).isFalse();
        assertThat(second.companyId()).isEqualTo(first.companyId());
        assertThat(second.company()).isEqualTo(new Counts(0, 0, 1, 0));
        assertThat(second.secrets()).isEqualTo(new Counts(0, 0, 2, 0));
        assertThat(second.staff()).isEqualTo(new Counts(0, 0, 2, 0));
        assertThat(second.services()).isEqualTo(new Counts(0, 0, 2, 0));
        assertThat(second.serviceStaff()).isEqualTo(new Counts(0, 0, 4, 0));
        assertThat(second.phoneNumbers()).isEqualTo(new Counts(0, 0, 1, 0));
        assertThat(rawSecretColumn(first.companyId()))
                .as("a re-encrypted secret would get a new nonce")
                .isEqualTo(encryptedKey);
    }

    @Test
    void aServiceInStepsIsImportedOnceWithItsStylistsOwnEventTypesPerStep() {
        TenantFiles.Unique inSteps = salon.with("faerben\n    staff: [Anna, Ben]", """
                faerben
                    staff: [Anna, Ben]
                    steps:
                      - name: Farbe
                        calcomEventTypeId: 1004
                        durationMinutes: 45
                        pauseMinMinutes: 30
                        pauseMaxMinutes: 60
                        staffEventTypes:
                          - { staff: Anna, id: 1114, slug: farbe-stylist }
                          - { staff: Ben, id: 1124 }
                      - name: Waschen
                        calcomEventTypeId: 1005
                        calcomTeamId: 901
                        durationMinutes: 45""".stripTrailing());

        long companyId = fixture.importer.apply(inSteps.file()).companyId();
        ImportReport again = fixture.importer.apply(inSteps.file());

        assertThat(again.services()).as("applying it again changes nothing").isEqualTo(new Counts(0, 0, 2, 0));
        Service colouring = fixture.directory.activeServices(companyId).stream()
                .filter(s -> s.name().equals("Färben"))
                .findFirst()
                .orElseThrow();
        assertThat(colouring.inSteps()).isTrue();
        assertThat(colouring.steps()).extracting(ServiceStep::calcomEventTypeId).containsExactly(1004L, 1005L);
        ServiceStep colour = colouring.steps().get(0);
        assertThat(colour.pauseMinMinutes()).isEqualTo(30);
        assertThat(colour.pauseMaxMinutes()).isEqualTo(60);
        assertThat(colour.sameStaffNext()).isFalse();
        long anna = fixture.directory.staffForService(companyId, colouring.id()).stream()
                .filter(s -> s.name().equals("Anna"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(colour.ownEventType(anna))
                .get()
                .extracting(StaffEventType::eventTypeId)
                .isEqualTo(1114L);
        assertThat(colouring.steps().get(1).calcomTeamId()).isEqualTo(901L);
        assertThat(colouring.steps().get(1).staffEventTypes()).isEmpty();

        TenantFiles.Unique backwards = inSteps.with("pauseMaxMinutes: 60", "pauseMaxMinutes: 20");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.importer.apply(backwards.file()))
                .hasMessageContaining("steps[0].pauseMaxMinutes");
        TenantFiles.Unique stranger = inSteps.with("staff: Ben, id: 1124", "staff: Carla, id: 1124");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.importer.apply(stranger.file()))
                .hasMessageContaining("steps[0].staffEventTypes names 'Carla'");
    }

    @Test
    void changesInTheFileAreAppliedAndCounted() {
        long companyId = fixture.importer.apply(salon.file()).companyId();
        TenantFiles.Unique edited = salon.with("durationMinutes: 90", "durationMinutes: 120")
                .with("faerben\n    staff: [Anna, Ben]", "faerben\n    staff: [Anna]")
                .with("retellApiKey: key_test_", "retellApiKey: key_rotated_")
                .with("name: Salon Test", "name: Salon Renamed");

        ImportReport report = fixture.importer.apply(edited.file());

        assertThat(report.company()).isEqualTo(new Counts(0, 1, 0, 0));
        assertThat(report.secrets()).isEqualTo(new Counts(0, 1, 1, 0));
        assertThat(report.services()).isEqualTo(new Counts(0, 1, 1, 0));
        assertThat(report.serviceStaff()).isEqualTo(new Counts(0, 0, 3, 1));
        Service colouring = fixture.directory.activeServices(companyId).stream()
                .filter(s -> s.name().equals("Färben"))
                .findFirst()
                .orElseThrow();
        assertThat(colouring.durationMinutes()).isEqualTo(120);
        assertThat(fixture.directory.staffForService(companyId, colouring.id()))
                .extracting(Staff::name)
                .containsExactly("Anna");
        assertThat(fixture.directory.retellApiKey(companyId)).contains("key_rotated_" + salon.slug());
        assertThat(fixture.directory.company(companyId))
                .get()
                .extracting(Company::name)
                .isEqualTo("Salon Renamed");
    }

    @Test
    void numberOfAnotherCompanyIsRefusedAndNothingIsWritten() {
        fixture.importer.apply(salon.file());
        TenantFiles.Unique thief = TenantFiles.salon();
        TenantFiles.Unique stealing = thief.with(thief.number(), salon.number());

        assertThatThrownBy(() -> fixture.importer.apply(stealing.file()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already belongs to another company");
        assertThat(fixture.directory.companyBySlug(thief.slug())).isEmpty();
        assertThat(fixture.directory.byDialledNumber(salon.number()))
                .get()
                .extracting(t -> t.company().slug())
                .isEqualTo(salon.slug());
    }

    @Test
    void unknownStaffInAServiceIsRefusedAndNothingIsWritten() {
        TenantFiles.Unique broken =
                salon.with("staff: [Anna, Ben]\n  - name: Färben", "staff: [Anna, Carla]\n  - name: Färben");

        assertThatThrownBy(() -> fixture.importer.apply(broken.file()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown staff 'Carla'");
        assertThat(fixture.directory.companyBySlug(salon.slug())).isEmpty();
    }

    @Test
    void demoTenantFileMatchesTheContract() {
        TenantFile demo = TenantFile.read(new ClassPathResource(DemoDataLoader.DEMO_TENANT));
        ImportReport report = fixture.importer.apply(demo);
        ImportReport again = fixture.importer.apply(demo);
        long id = report.companyId();

        TenantContext tenant = fixture.directory.byDialledNumber("+4930120000").orElseThrow();
        assertThat(again.changed()).isFalse();
        assertThat(tenant.company()).satisfies(c -> {
            assertThat(c.slug()).isEqualTo("demo-salon");
            assertThat(c.name()).isEqualTo("Demo Salon");
            assertThat(c.language()).isEqualTo(Language.DE);
        });
        assertThat(tenant.branch().name()).isEqualTo("Berlin Mitte");
        assertThat(tenant.branch().timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(tenant.branch().address()).isEqualTo("Torstraße 1, 10119 Berlin");
        assertThat(fixture.directory.calcomApiKey(id)).contains("cal_demo");
        assertThat(fixture.directory.retellApiKey(id)).contains("key_demo");
        assertThat(fixture.directory.calcomWebhookSecret(id)).contains("whsec_demo");
        List<Service> services = fixture.directory.activeServices(id);
        assertThat(services)
                .extracting(
                        Service::name,
                        Service::calcomEventTypeId,
                        Service::calcomEventTypeSlug,
                        Service::durationMinutes)
                .containsExactly(
                        tuple("Herrenhaarschnitt", 1001L, "herrenhaarschnitt", 30),
                        tuple("Damenhaarschnitt", 1002L, "damenhaarschnitt", 60),
                        tuple("Färben", 1003L, "faerben", 90));
        assertThat(services.get(0).synonyms()).contains("Herrenschnitt", "Männerhaarschnitt", "men's haircut");
        assertThat(fixture.directory.staff(id, tenant.branchId()))
                .extracting(Staff::name, Staff::calcomUsername, Staff::calcomUserId)
                .containsExactly(tuple("Anna", "anna-demo", 501L), tuple("Ben", "ben-demo", 502L));
        for (Service service : services) {
            assertThat(fixture.directory.staffForService(id, service.id()))
                    .extracting(Staff::name)
                    .containsExactly("Anna", "Ben");
        }
    }

    private String rawSecretColumn(long companyId) {
        return fixture.jdbc
                .sql("SELECT calcom_api_key_enc FROM companies WHERE id = ?")
                .param(companyId)
                .query(String.class)
                .single();
    }
}
