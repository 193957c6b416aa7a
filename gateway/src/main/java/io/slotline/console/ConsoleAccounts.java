package io.slotline.console;

import static io.slotline.database.Timestamps.instant;

import io.slotline.tenancy.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The console_accounts table. */
@Repository
class ConsoleAccounts {

    private static final String COLUMNS = """
            id, username, password_hash, role, company_id, language, active, last_sign_in_at, created_at, updated_at""";

    /** A row with its hash, for sign-in only. */
    record Stored(ConsoleAccount account, String passwordHash) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsoleAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_accounts WHERE username = :username")
                .param("username", username)
                .query(ConsoleAccounts::stored)
                .optional();
    }

    Optional<Stored> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_accounts WHERE id = :id")
                .param("id", id)
                .query(ConsoleAccounts::stored)
                .optional();
    }

    /** @param companyId null: every account */
    List<ConsoleAccount> list(@Nullable Long companyId) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM console_accounts"
                        + (companyId == null ? "" : " WHERE company_id = :companyId") + " ORDER BY username")
                .params(companyId == null ? Map.of() : Map.of("companyId", companyId))
                .query(ConsoleAccounts::stored)
                .list()
                .stream()
                .map(Stored::account)
                .toList();
    }

    long insert(
            String username,
            String passwordHash,
            AccountRole role,
            @Nullable Long companyId,
            @Nullable Language language,
            boolean active) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO console_accounts (username, password_hash, role, company_id, language, active, created_at,
                    updated_at)
                VALUES (:username, :hash, :role, :companyId, :language, :active, :now, :now)""")
                .param("username", username)
                .param("hash", passwordHash)
                .param("role", role.code())
                .param("companyId", companyId, Types.BIGINT)
                .param("language", language == null ? null : language.code(), Types.VARCHAR)
                .param("active", active)
                .param("now", now())
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    void update(long id, String passwordHash, @Nullable Language language, boolean active) {
        jdbc.sql("""
                UPDATE console_accounts SET password_hash = :hash, language = :language, active = :active,
                    updated_at = :now
                WHERE id = :id""")
                .param("id", id)
                .param("hash", passwordHash)
                .param("language", language == null ? null : language.code(), Types.VARCHAR)
                .param("active", active)
                .param("now", now())
                .update();
    }

    void signedIn(long id) {
        jdbc.sql("UPDATE console_accounts SET last_sign_in_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String language = rs.getString("language");
        ConsoleAccount account = new ConsoleAccount(
                rs.getLong("id"),
                rs.getString("username"),
                AccountRole.fromCode(rs.getString("role")),
                rs.getObject("company_id", Long.class),
                language == null ? null : Language.fromCode(language),
                rs.getBoolean("active"),
                instant(rs, "last_sign_in_at"),
                Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")));
        return new Stored(account, rs.getString("password_hash"));
    }
}
