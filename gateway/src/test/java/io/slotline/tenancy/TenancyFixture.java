package io.slotline.tenancy;

import io.slotline.secrets.SecretCipher;
import io.slotline.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The tenancy beans wired by hand over a test database, with a cache ticker the test moves. */
final class TenancyFixture {

    static final String KEY = "d27X0KzPhbkQWZRy0pPXR10IxixI1CVWYmBs8GMOq98=";
    static final Duration TTL = Duration.ofSeconds(60);

    final JdbcClient jdbc;
    final Clock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final AtomicLong tickerNanos = new AtomicLong();
    final SecretCipher cipher = SecretCipher.fromBase64Key(KEY);
    final Companies companies;
    final TenantDirectory directory;
    final TenantImporter importer;

    TenancyFixture(DataSource dataSource) {
        jdbc = JdbcClient.create(dataSource);
        companies = new Companies(jdbc, clock);
        Branches branches = new Branches(jdbc);
        PhoneNumbers numbers = new PhoneNumbers(jdbc);
        Services services = new Services(jdbc, clock);
        StaffMembers staff = new StaffMembers(jdbc);
        directory = new TenantDirectory(
                companies, branches, numbers, services, staff, cipher, new TenancyProperties(TTL), tickerNanos::get);
        importer = new TenantImporter(
                companies,
                branches,
                numbers,
                services,
                staff,
                cipher,
                directory,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new RetellAgents(jdbc, directory, clock, new TenancyProperties(TTL)),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(ConsoleAccountImport.class));
    }

    void advanceCacheTime(Duration duration) {
        tickerNanos.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }
}
