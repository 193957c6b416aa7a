package io.slotline.calls;

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
import java.util.Optional;
import java.util.UUID;
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
class FunctionIdempotencyTest {

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    FunctionIdempotency idempotency;
    TestTenant salon;
    TestTenant other;
    String key;

    @BeforeEach
    void setUp() {
        idempotency = new FunctionIdempotency(JdbcClient.create(dataSource()), clock);
        TestTenants tenants = new TestTenants(dataSource());
        salon = tenants.create();
        other = tenants.create();
        key = "call_" + UUID.randomUUID() + ":book_appointment:1";
    }

    @Test
    void firstAttemptOwnsTheKeyAndTheSecondSeesItInFlight() {
        Optional<IdempotencyRecord> first = idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        Optional<IdempotencyRecord> second = idempotency.tryBegin(key, salon.companyId(), "book_appointment");

        assertThat(first).isEmpty();
        assertThat(second).get().satisfies(row -> {
            assertThat(row.state()).isEqualTo(IdempotencyRecord.State.IN_FLIGHT);
            assertThat(row.done()).isFalse();
            assertThat(row.functionName()).isEqualTo("book_appointment");
        });
    }

    @Test
    void completedAnswerIsReplayed() {
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        boolean completed = idempotency.complete(key, salon.companyId(), "{\"booked\":true,\"uid\":\"b1\"}");

        Optional<IdempotencyRecord> retry = idempotency.tryBegin(key, salon.companyId(), "book_appointment");

        assertThat(completed).isTrue();
        assertThat(retry).get().satisfies(row -> {
            assertThat(row.done()).isTrue();
            assertThat(row.responseJson()).isEqualTo("{\"booked\":true,\"uid\":\"b1\"}");
        });
    }

    @Test
    void failedAttemptReleasesTheKeyForARetry() {
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        boolean deleted = idempotency.delete(key, salon.companyId());

        assertThat(deleted).isTrue();
        assertThat(idempotency.tryBegin(key, salon.companyId(), "book_appointment"))
                .isEmpty();
    }

    @Test
    void doneKeyCannotBeDeletedOrCompletedAgain() {
        idempotency.tryBegin(key, salon.companyId(), "cancel_appointment");
        idempotency.complete(key, salon.companyId(), "{\"cancelled\":true}");

        assertThat(idempotency.delete(key, salon.companyId())).isFalse();
        assertThat(idempotency.complete(key, salon.companyId(), "{\"other\":1}"))
                .isFalse();
        assertThat(idempotency.find(key, salon.companyId()))
                .get()
                .extracting(IdempotencyRecord::responseJson)
                .isEqualTo("{\"cancelled\":true}");
    }

    @Test
    void attemptInFlightTooLongCanBeTakenOverOnce() {
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        clock.advance(FunctionIdempotency.DEFAULT_STALE_AFTER.plus(Duration.ofSeconds(1)));

        Optional<IdempotencyRecord> takeover = idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        Optional<IdempotencyRecord> afterTakeover = idempotency.tryBegin(key, salon.companyId(), "book_appointment");

        assertThat(takeover).isEmpty();
        assertThat(afterTakeover)
                .get()
                .extracting(IdempotencyRecord::state)
                .isEqualTo(IdempotencyRecord.State.IN_FLIGHT);
    }

    @Test
    void keyOfAnotherCompanyIsNeverReplayed() {
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        idempotency.complete(key, salon.companyId(), "{\"secret\":\"of salon A\"}");

        assertThatThrownBy(() -> idempotency.tryBegin(key, other.companyId(), "book_appointment"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another company")
                .hasMessageNotContaining("of salon A");
        assertThat(idempotency.find(key, other.companyId())).isEmpty();
        assertThat(idempotency.delete(key, other.companyId())).isFalse();
    }

    @Test
    void keyOfAnotherFunctionIsNeverReplayed() {
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");

        assertThatThrownBy(() -> idempotency.tryBegin(key, salon.companyId(), "cancel_appointment"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("book_appointment");
    }

    @Test
    void concurrentAttemptsHaveExactlyOneOwner() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<IdempotencyRecord>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return idempotency.tryBegin(key, salon.companyId(), "book_appointment");
                }));
            }
            start.countDown();
            int owners = 0;
            for (Future<Optional<IdempotencyRecord>> result : results) {
                owners += result.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
            }

            assertThat(owners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatWaitsForTheOtherAttemptsAnswerOrLearnsThatItLetGo() throws Exception {
        String failing = key + ":failing";
        idempotency.tryBegin(key, salon.companyId(), "book_appointment");
        idempotency.tryBegin(failing, salon.companyId(), "book_appointment");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> {
                Thread.sleep(150);
                idempotency.complete(key, salon.companyId(), "{\"ok\":true}");
                idempotency.delete(failing, salon.companyId());
                return null;
            });

            assertThat(idempotency.awaitDone(key, salon.companyId(), Duration.ofSeconds(10)))
                    .get()
                    .satisfies(row -> assertThat(row.responseJson()).isEqualTo("{\"ok\":true}"));
            assertThat(idempotency.awaitDone(failing, salon.companyId(), Duration.ofSeconds(10)))
                    .isEmpty();
        } finally {
            other.shutdownNow();
        }
        String stuck = key + ":stuck";
        idempotency.tryBegin(stuck, salon.companyId(), "book_appointment");
        assertThat(idempotency.awaitDone(stuck, salon.companyId(), Duration.ofMillis(100)))
                .get()
                .satisfies(row -> assertThat(row.done()).isFalse());
    }
}
