package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.secrets.SecretCipher;
import io.slotline.secrets.SecretDecryptionException;
import io.slotline.support.Database;
import io.slotline.support.OnEveryDatabase;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@OnEveryDatabase
class TenantDirectoryTest {

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    TenancyFixture fixture;
    TenantDirectory directory;
    TenantFiles.Unique salonA;
    TenantFiles.Unique salonB;
    long companyA;
    long companyB;

    @BeforeEach
    void setUp() {
        fixture = new TenancyFixture(dataSource());
        directory = fixture.directory;
        salonA = TenantFiles.salon();
        salonB = TenantFiles.salon();
        companyA = fixture.importer.apply(salonA.file()).companyId();
        companyB = fixture.importer.apply(salonB.file()).companyId();
    }

    @Test
    void dialledNumberRoutesToItsCompanyAndBranch() {
        TenantContext a = directory.byDialledNumber(salonA.number()).orElseThrow();
        TenantContext b = directory.byDialledNumber(" " + salonB.number() + " ").orElseThrow();

        assertThat(a.companyId()).isEqualTo(companyA);
        assertThat(a.branch().companyId()).isEqualTo(companyA);
        assertThat(a.branch().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(a.phoneNumber().e164()).isEqualTo(salonA.number());
        assertThat(b.companyId()).isEqualTo(companyB);
        assertThat(directory.byDialledNumber("+10000000000")).isEmpty();
    }

    @Test
    void companiesNeverSeeEachOthersServicesStaffOrKeys() {
        long branchA = directory.byDialledNumber(salonA.number()).orElseThrow().branchId();
        List<Service> servicesA = directory.activeServices(companyA);
        long serviceOfA = servicesA.get(0).id();

        assertThat(servicesA).extracting(Service::companyId).containsOnly(companyA);
        assertThat(directory.activeServices(companyB))
                .extracting(Service::id)
                .doesNotContainAnyElementsOf(servicesA.stream().map(Service::id).toList());
        assertThat(directory.staff(companyB, branchA)).isEmpty();
        assertThat(directory.staffForService(companyB, serviceOfA)).isEmpty();
        assertThat(directory.branch(companyB, branchA)).isEmpty();
        assertThat(directory.calcomApiKey(companyA)).contains("cal_test_" + salonA.slug());
        assertThat(directory.calcomApiKey(companyB)).contains("cal_test_" + salonB.slug());
    }

    @Test
    void servicesAndStaffOfOneCompanyCannotBeLinked() {
        long serviceOfA = directory.activeServices(companyA).get(0).id();
        long branchB = directory.byDialledNumber(salonB.number()).orElseThrow().branchId();
        long staffOfB = directory.staff(companyB, branchB).get(0).id();

        assertThatThrownBy(() -> directory.linkServiceStaff(companyA, serviceOfA, staffOfB))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> directory.linkServiceStaff(companyB, serviceOfA, staffOfB))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void secretsAreStoredEncryptedWithAHint() {
        directory.setSecret(companyA, CompanySecret.CALCOM_WEBHOOK_SECRET, "whsec_live_0123456789");

        var raw = fixture.jdbc
                .sql("SELECT calcom_webhook_secret_enc, calcom_webhook_secret_hint, "
                        + "calcom_api_key_enc, retell_api_key_enc FROM companies WHERE id = ?")
                .param(companyA)
                .query()
                .singleRow();

        assertThat(directory.calcomWebhookSecret(companyA)).contains("whsec_live_0123456789");
        assertThat(raw.get("calcom_webhook_secret_hint")).isEqualTo("6789");
        assertThat((String) raw.get("calcom_webhook_secret_enc"))
                .doesNotContain("whsec")
                .doesNotContain("0123456789");
        assertThat((String) raw.get("calcom_api_key_enc")).doesNotContain("cal_test");
        assertThat((String) raw.get("retell_api_key_enc")).doesNotContain("key_test");
    }

    @Test
    void retellKeysOfAllActiveCompaniesAreCandidates() {
        assertThat(directory.retellApiKeys()).contains("key_test_" + salonA.slug(), "key_test_" + salonB.slug());

        Company b = directory.company(companyB).orElseThrow();
        directory.updateCompany(
                companyB,
                new CompanySpec(
                        b.slug(),
                        b.name(),
                        b.language(),
                        b.defaultTimeZone(),
                        b.policies(),
                        b.bookingWindowDays(),
                        false));

        assertThat(directory.retellApiKeys())
                .contains("key_test_" + salonA.slug())
                .doesNotContain("key_test_" + salonB.slug());
        assertThat(directory.byDialledNumber(salonB.number())).isEmpty();
    }

    @Test
    void keyThatDoesNotDecryptFailsOnlyItsOwnCompany() {
        String foreign = SecretCipher.fromBase64Key("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .encrypt("key_under_old_master_key");
        fixture.jdbc
                .sql("UPDATE companies SET retell_api_key_enc = ? WHERE id = ?")
                .params(foreign, companyB)
                .update();
        directory.evictAll();

        assertThat(directory.retellApiKeys())
                .contains("key_test_" + salonA.slug())
                .doesNotContain("key_under_old_master_key");
        assertThatThrownBy(() -> directory.retellApiKey(companyB)).isInstanceOf(SecretDecryptionException.class);
        assertThat(directory.retellApiKey(companyA)).contains("key_test_" + salonA.slug());
    }

    @Test
    void lookupsAreCachedUntilTtlOrEviction() {
        TenantContext before = directory.byDialledNumber(salonA.number()).orElseThrow();
        fixture.jdbc
                .sql("UPDATE companies SET name = 'Changed Behind Our Back' WHERE id = ?")
                .param(companyA)
                .update();

        TenantContext cached = directory.byDialledNumber(salonA.number()).orElseThrow();
        fixture.advanceCacheTime(TenancyFixture.TTL.plus(Duration.ofSeconds(1)));
        TenantContext expired = directory.byDialledNumber(salonA.number()).orElseThrow();

        assertThat(cached.company().name()).isEqualTo(before.company().name());
        assertThat(expired.company().name()).isEqualTo("Changed Behind Our Back");
    }

    @Test
    void aChangeToOneCompanyKeepsTheOthersLookupsAndRoutesANewNumberAtOnce() {
        TenantContext b = directory.byDialledNumber(salonB.number()).orElseThrow();
        fixture.jdbc
                .sql("UPDATE companies SET name = 'Changed Behind Our Back' WHERE id = ?")
                .param(companyB)
                .update();
        String newNumber = "+4930777" + String.format("%05d", companyA % 100_000);
        assertThat(directory.byDialledNumber(newNumber))
                .as("unknown, and remembered so")
                .isEmpty();
        long branchA = directory.byDialledNumber(salonA.number()).orElseThrow().branchId();

        directory.addPhoneNumber(companyA, branchA, newNumber);
        fixture.importer.apply(salonA.file());

        assertThat(directory.byDialledNumber(newNumber))
                .as("routes at once")
                .get()
                .extracting(TenantContext::companyId)
                .isEqualTo(companyA);
        assertThat(directory
                        .byDialledNumber(salonB.number())
                        .orElseThrow()
                        .company()
                        .name())
                .as("the other company's lookup was not dropped")
                .isEqualTo(b.company().name());

        Company current = directory.companyUncached(companyB).orElseThrow();
        directory.updateCompany(
                companyB,
                new CompanySpec(
                        current.slug(),
                        "Renamed",
                        current.language(),
                        current.defaultTimeZone(),
                        current.policies(),
                        current.bookingWindowDays(),
                        true));

        assertThat(directory
                        .byDialledNumber(salonB.number())
                        .orElseThrow()
                        .company()
                        .name())
                .isEqualTo("Renamed");
    }

    @Test
    void writesThroughTheDirectoryEvictAtOnce() {
        long branchA = directory.byDialledNumber(salonA.number()).orElseThrow().branchId();
        assertThat(directory.activeServices(companyA)).hasSize(2);
        assertThat(directory.staff(companyA, branchA)).hasSize(2);

        long serviceId = directory.createService(
                companyA,
                new ServiceSpec(
                        "Bartpflege", List.of("Bart"), 15, 1500, "EUR", 1004L, "bartpflege", true, null, List.of()));
        long staffId = directory.createStaff(companyA, new StaffSpec(branchA, "Cem", "cem-test", 503L, true));
        directory.linkServiceStaff(companyA, serviceId, staffId);

        assertThat(directory.activeServices(companyA)).extracting(Service::name).contains("Bartpflege");
        assertThat(directory.staff(companyA, branchA)).extracting(Staff::name).contains("Cem");
        assertThat(directory.staffForService(companyA, serviceId))
                .extracting(Staff::name)
                .containsExactly("Cem");

        directory.updateService(
                companyA,
                serviceId,
                new ServiceSpec("Bartpflege", List.of(), 15, 1500, "EUR", 1004L, "bartpflege", false, null, List.of()));
        directory.updateStaff(companyA, staffId, new StaffSpec(branchA, "Cem", "cem-test", 503L, false));

        assertThat(directory.activeServices(companyA)).extracting(Service::name).doesNotContain("Bartpflege");
        assertThat(directory.staff(companyA, branchA)).extracting(Staff::name).doesNotContain("Cem");
    }

    @Test
    void evictionInsideATransactionAlsoHappensAfterCommit() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        Company a = directory.company(companyA).orElseThrow();
        ExecutorService otherRequest = Executors.newSingleThreadExecutor();
        try {
            tx.executeWithoutResult(status -> {
                directory.updateCompany(
                        companyA,
                        new CompanySpec(
                                a.slug(),
                                "Renamed In Tx",
                                a.language(),
                                a.defaultTimeZone(),
                                a.policies(),
                                a.bookingWindowDays(),
                                true));
                // another request reads before the commit: it sees and caches the old name
                String seenMeanwhile = join(otherRequest.submit(
                        () -> directory.company(companyA).orElseThrow().name()));
                assertThat(seenMeanwhile).isEqualTo(a.name());
            });
        } finally {
            otherRequest.shutdownNow();
        }

        assertThat(directory.company(companyA)).get().extracting(Company::name).isEqualTo("Renamed In Tx");
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void phoneNumbersAreUniqueAcrossCompaniesAndMustBeE164() {
        long branchB = directory.byDialledNumber(salonB.number()).orElseThrow().branchId();

        assertThatThrownBy(() -> directory.addPhoneNumber(companyB, branchB, salonA.number()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> directory.addPhoneNumber(companyB, branchB, "030 1234"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
    }

    @Test
    void deactivatedNumberStopsRouting() {
        long branchA = directory.byDialledNumber(salonA.number()).orElseThrow().branchId();

        directory.updatePhoneNumber(companyA, salonA.number(), branchA, false);

        assertThat(directory.byDialledNumber(salonA.number())).isEmpty();
    }
}
