package io.slotline.calls;

import io.slotline.housekeeping.ExpiringRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replay store for book, cancel and reschedule: the primary key on the idempotency key, not an in-memory check,
 * makes a retried or re-issued tool call return the first answer instead of acting twice.
 * <p>
 * Protocol: {@code tryBegin} -> empty means "you own it, do the work", then {@code complete} with the answer, or
 * {@code delete} when the work failed so a retry may try again. A present result is the other attempt's row:
 * replay its answer when done, answer "still working on it" when in flight.
 */
@Repository
public class FunctionIdempotency implements ExpiringRecords {

    /** An attempt in flight this long died with its instance; a retry may take over. */
    static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);

    private static final int ATTEMPTS = 3;
    private static final String COLUMNS =
            "idempotency_key, company_id, function_name, state, response_json, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    FunctionIdempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<IdempotencyRecord> tryBegin(String key, long companyId, String functionName) {
        return tryBegin(key, companyId, functionName, DEFAULT_STALE_AFTER);
    }

    /**
     * @return empty when this attempt now owns the key (fresh, or taken over from an attempt in flight longer than
     *         {@code staleAfter}); otherwise the existing row
     * @throws IllegalStateException when the key belongs to another company or function (a key-derivation bug
     *         that must not replay someone else's answer)
     */
    public Optional<IdempotencyRecord> tryBegin(String key, long companyId, String functionName, Duration staleAfter) {
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("idempotency key must be 1..200 characters");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (insertInFlight(key, companyId, functionName)) {
                return Optional.empty();
            }
            Optional<IdempotencyRecord> existing = find(key);
            if (existing.isEmpty()) {
                continue; // the owner failed and deleted it between our insert and read: try to own it again
            }
            IdempotencyRecord row = existing.get();
            if (row.companyId() != companyId || !row.functionName().equals(functionName)) {
                throw new IllegalStateException("idempotency key '" + key + "' is already used by another "
                        + (row.companyId() != companyId ? "company" : "function (" + row.functionName() + ")"));
            }
            if (!row.done() && takeOverStale(key, companyId, staleAfter)) {
                return Optional.empty();
            }
            return Optional.of(row);
        }
        throw new IllegalStateException("idempotency key '" + key + "' keeps appearing and disappearing");
    }

    /** Stores the answer to replay; false when the key is not in flight for this company any more. */
    public boolean complete(String key, long companyId, String responseJson) {
        if (responseJson.length() > 20_000) {
            throw new IllegalArgumentException("response to store is longer than 20000 characters");
        }
        return jdbc.sql("""
                UPDATE function_idempotency SET state = 'done', response_json = :response, updated_at = :now
                WHERE idempotency_key = :key AND company_id = :companyId AND state = 'in_flight'""")
                        .param("response", responseJson)
                        .param("now", now())
                        .param("key", key)
                        .param("companyId", companyId)
                        .update()
                == 1;
    }

    /** Releases a key whose work failed, so a retry runs again instead of replaying nothing. */
    public boolean delete(String key, long companyId) {
        return jdbc.sql("DELETE FROM function_idempotency WHERE idempotency_key = :key AND company_id = :companyId "
                                + "AND state = 'in_flight'")
                        .param("key", key)
                        .param("companyId", companyId)
                        .update()
                == 1;
    }

    /**
     * Waits, at most {@code max}, for another attempt's answer: polls the row (from 20 ms up to every 200 ms), so an
     * instance that did not start the work learns its outcome from the database alone.
     *
     * @return the row once it is done; the row still in flight when {@code max} is over; empty when the row went
     *         away (that attempt failed and a retry may act itself)
     */
    public Optional<IdempotencyRecord> awaitDone(String key, long companyId, Duration max) {
        // elapsed real time, not the injected clock: this bounds how long a caller listens to silence
        long until = System.nanoTime() + max.toNanos();
        long pause = 20;
        while (true) {
            Optional<IdempotencyRecord> row = find(key, companyId);
            long left = until - System.nanoTime();
            if (row.isEmpty() || row.get().done() || left <= 0) {
                return row;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return row;
            }
            pause = Math.min(200, pause * 2);
        }
    }

    public Optional<IdempotencyRecord> find(String key, long companyId) {
        return find(key).filter(row -> row.companyId() == companyId);
    }

    private Optional<IdempotencyRecord> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM function_idempotency WHERE idempotency_key = :key")
                .param("key", key)
                .query(FunctionIdempotency::map)
                .optional();
    }

    private boolean insertInFlight(String key, long companyId, String functionName) {
        try {
            return jdbc.sql("""
                    INSERT INTO function_idempotency (idempotency_key, company_id, function_name, state, created_at,
                        updated_at)
                    VALUES (:key, :companyId, :functionName, 'in_flight', :now, :now)
                    ON CONFLICT DO NOTHING""")
                            .param("key", key)
                            .param("companyId", companyId)
                            .param("functionName", functionName)
                            .param("now", now())
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Compare-and-set on the timestamp: of several retries seeing the same stale row, one wins. */
    private boolean takeOverStale(String key, long companyId, Duration staleAfter) {
        return jdbc.sql("""
                UPDATE function_idempotency SET updated_at = :now
                WHERE idempotency_key = :key AND company_id = :companyId AND state = 'in_flight'
                  AND updated_at < :cutoff""")
                        .param("now", now())
                        .param("key", key)
                        .param("companyId", companyId)
                        .param(
                                "cutoff",
                                OffsetDateTime.ofInstant(clock.instant().minus(staleAfter), ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static IdempotencyRecord map(ResultSet rs, int row) throws SQLException {
        return new IdempotencyRecord(
                rs.getString("idempotency_key"),
                rs.getLong("company_id"),
                rs.getString("function_name"),
                IdempotencyRecord.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("response_json"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public Retention retention() {
        return Retention.IDEMPOTENCY;
    }

    @Override
    public String table() {
        return "function_idempotency";
    }

    /** Keys last touched before the cutoff: a retry that late is a new request. */
    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM function_idempotency WHERE updated_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}
