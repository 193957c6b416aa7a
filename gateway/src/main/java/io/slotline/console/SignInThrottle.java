package io.slotline.console;

import static io.slotline.database.Timestamps.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: after {@code maxFailures} failed sign-ins in a row for a username (or
 * {@code maxFailuresPerAddress} from one client address), further attempts are refused without looking at the
 * password for {@code firstBlock}, doubling with every further failure up to {@code maxBlock}. Kept in the
 * database so that every instance counts the same failures.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConsoleProperties.SignIn policy;

    SignInThrottle(JdbcClient jdbc, Clock clock, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = properties.signIn();
    }

    /** How long the attempt must wait, or empty when it may go ahead. */
    Optional<Duration> blocked(String username, @Nullable String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Instant until = jdbc.sql("SELECT blocked_until FROM console_sign_in_failures WHERE throttle_key = :key")
                    .param("key", key)
                    .query(OffsetDateTime.class)
                    .optional()
                    .map(OffsetDateTime::toInstant)
                    .orElse(null);
            if (until != null && until.isAfter(now)) {
                Duration left = Duration.between(now, until);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, @Nullable String address) {
        failed(userKey(username), policy.maxFailures());
        if (address != null) {
            failed(addressKey(address), policy.maxFailuresPerAddress());
        }
    }

    /** A successful sign-in forgets the username's failures (the address's fade with the window). */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM console_sign_in_failures WHERE throttle_key = :key")
                .param("key", userKey(username))
                .update();
    }

    private void failed(String key, int allowed) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Integer> previous = jdbc.sql("""
                    SELECT CASE WHEN last_failure_at < :forgotten THEN 0 ELSE failures END
                    FROM console_sign_in_failures WHERE throttle_key = :key""")
                    .param("key", key)
                    .param("forgotten", utc(now.minus(policy.window())))
                    .query(Integer.class)
                    .optional();
            int failures = previous.orElse(0) + 1;
            OffsetDateTime until = failures < allowed ? null : utc(now.plus(block(failures - allowed)));
            try {
                if (previous.isPresent()) {
                    jdbc.sql("""
                            UPDATE console_sign_in_failures
                            SET failures = :failures, last_failure_at = :now, blocked_until = :until
                            WHERE throttle_key = :key""")
                            .param("key", key)
                            .param("failures", failures)
                            .param("now", utc(now))
                            .param("until", until, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                            .update();
                } else {
                    jdbc.sql("""
                            INSERT INTO console_sign_in_failures (throttle_key, failures, last_failure_at, blocked_until)
                            VALUES (:key, :failures, :now, :until)""")
                            .param("key", key)
                            .param("failures", failures)
                            .param("now", utc(now))
                            .param("until", until, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                            .update();
                }
                return;
            } catch (DuplicateKeyException e) {
                // another attempt inserted the row first: count on top of it
            }
        }
    }

    /** firstBlock, doubled per failure beyond the allowed ones, at most maxBlock. */
    Duration block(int beyond) {
        Duration block = policy.firstBlock();
        for (int i = 0; i < beyond && block.compareTo(policy.maxBlock()) < 0; i++) {
            block = block.multipliedBy(2);
        }
        return block.compareTo(policy.maxBlock()) > 0 ? policy.maxBlock() : block;
    }

    private static String[] keys(String username, @Nullable String address) {
        return address == null
                ? new String[] {userKey(username)}
                : new String[] {userKey(username), addressKey(address)};
    }

    private static String userKey(String username) {
        String name = ConsoleAccountService.normalized(username);
        return "user:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address.length() > 150 ? address.substring(0, 150) : address);
    }
}
