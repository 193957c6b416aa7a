package io.slotline.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;

@OnEveryDatabase
class CustomersTest {

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    Customers customers;
    TestTenant salonA;
    TestTenant salonB;
    String phone;

    @BeforeEach
    void setUp() {
        customers = new Customers(JdbcClient.create(dataSource()), clock);
        TestTenants tenants = new TestTenants(dataSource());
        salonA = tenants.create();
        salonB = tenants.create();
        phone = TestTenants.randomE164();
    }

    @Test
    void upsertCreatesThenFillsInWithoutErasingKnownFields() {
        Customer created = customers.upsertByPhone(salonA.companyId(), phone, "Max Mustermann", null);
        clock.advance(Duration.ofMinutes(5));

        Customer updated = customers.upsertByPhone(salonA.companyId(), phone, null, "max@example.com");

        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.name()).isEqualTo("Max Mustermann");
        assertThat(updated.email()).isEqualTo("max@example.com");
        assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2026-03-02T09:05:00Z"));
        assertThat(updated.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void findsByEmailIgnoringCaseWithinTheCompanyOnly() {
        Customer older = customers.upsertByPhone(salonA.companyId(), phone, "Max", "Max@Example.com");
        clock.advance(Duration.ofMinutes(1));
        Customer newer =
                customers.upsertByPhone(salonA.companyId(), TestTenants.randomE164(), "Moritz", "max@example.com");

        assertThat(customers.findByEmail(salonA.companyId(), " MAX@example.COM "))
                .get()
                .extracting(Customer::id)
                .isEqualTo(newer.id());
        assertThat(customers.findByEmail(salonB.companyId(), "max@example.com")).isEmpty();
        assertThat(older.id()).isNotEqualTo(newer.id());
    }

    @Test
    void upsertIsIdempotent() {
        Customer first = customers.upsertByPhone(salonA.companyId(), phone, "Erika", "erika@example.com");
        Customer second = customers.upsertByPhone(salonA.companyId(), phone, "Erika", "erika@example.com");

        assertThat(second).isEqualTo(first);
        assertThat(countRows(salonA.companyId(), phone)).isEqualTo(1);
    }

    @Test
    void samePhoneIsADifferentCustomerInAnotherCompany() {
        Customer inA = customers.upsertByPhone(salonA.companyId(), phone, "Anna A", null);
        Customer inB = customers.upsertByPhone(salonB.companyId(), phone, "Anna B", null);

        assertThat(inB.id()).isNotEqualTo(inA.id());
        assertThat(customers.findByPhone(salonA.companyId(), phone))
                .get()
                .extracting(Customer::name)
                .isEqualTo("Anna A");
        assertThat(customers.findByPhone(salonB.companyId(), phone))
                .get()
                .extracting(Customer::name)
                .isEqualTo("Anna B");
    }

    @Test
    void companyCannotReadAnotherCompanysCustomerById() {
        Customer inA = customers.upsertByPhone(salonA.companyId(), phone, "Anna", null);

        assertThat(customers.findById(salonA.companyId(), inA.id())).isPresent();
        assertThat(customers.findById(salonB.companyId(), inA.id())).isEmpty();
        assertThat(customers.findByPhone(salonB.companyId(), phone)).isEmpty();
    }

    @Test
    void ensureByPhoneCreatesNamelessCustomerOnceAndKeepsNameLater() {
        Customer anonymous = customers.ensureByPhone(salonA.companyId(), phone);
        customers.upsertByPhone(salonA.companyId(), phone, "Jonas", null);

        Customer again = customers.ensureByPhone(salonA.companyId(), phone);

        assertThat(anonymous.name()).isNull();
        assertThat(again.id()).isEqualTo(anonymous.id());
        assertThat(again.name()).isEqualTo("Jonas");
    }

    @Test
    void concurrentUpsertsOfOneNumberShareOneRow() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Customer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String name = "Caller " + i;
                Callable<Customer> upsert = () -> {
                    start.await();
                    return customers.upsertByPhone(salonA.companyId(), phone, name, null);
                };
                results.add(pool.submit(upsert));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Customer> result : results) {
                ids.add(result.get(30, TimeUnit.SECONDS).id());
            }

            assertThat(ids).containsOnly(ids.get(0));
            assertThat(countRows(salonA.companyId(), phone)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNumbersThatAreNotE164() {
        assertThatThrownBy(() -> customers.upsertByPhone(salonA.companyId(), "030 120000", "X", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> customers.ensureByPhone(salonA.companyId(), "anonymous"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int countRows(long companyId, String number) {
        return JdbcClient.create(dataSource())
                .sql("SELECT COUNT(*) FROM customers WHERE company_id = ? AND phone = ?")
                .params(companyId, number)
                .query(Integer.class)
                .single();
    }
}
