package io.slotline.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Companies {

    private static final String COLUMNS = """
            id, slug, name, language, default_time_zone, cancellation_deadline_hours, reschedule_deadline_hours,
            max_reschedules, cancellation_fees, change_verification, booking_window_days, active""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Companies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Company> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies WHERE id = :id")
                .param("id", id)
                .query(Companies::map)
                .optional();
    }

    Optional<Company> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies WHERE slug = :slug")
                .param("slug", slug)
                .query(Companies::map)
                .optional();
    }

    List<Company> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies ORDER BY id")
                .query(Companies::map)
                .list();
    }

    /** The hint of each secret that is set ("" when the secret is too short to have one). */
    Map<CompanySecret, String> secretHints(long companyId) {
        Map<CompanySecret, String> hints = new EnumMap<>(CompanySecret.class);
        for (CompanySecret secret : CompanySecret.values()) {
            jdbc.sql("SELECT " + secret.hintColumn() + " FROM companies WHERE id = :id AND " + secret.encryptedColumn()
                            + " IS NOT NULL")
                    .param("id", companyId)
                    .query((rs, row) -> Objects.toString(rs.getString(1), ""))
                    .optional()
                    .ifPresent(hint -> hints.put(secret, hint));
        }
        return hints;
    }

    long insert(CompanySpec spec) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO companies (slug, name, language, default_time_zone, cancellation_deadline_hours,
                    reschedule_deadline_hours, max_reschedules, cancellation_fees, change_verification, booking_window_days,
                    active, created_at, updated_at)
                VALUES (:slug, :name, :language, :zone, :cancelHours, :rescheduleHours, :maxReschedules, :fees,
                    :verification, :windowDays, :active, :now, :now)""").params(params(spec)).param("now", now()).update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    boolean update(long id, CompanySpec spec) {
        return jdbc.sql("""
                UPDATE companies SET slug = :slug, name = :name, language = :language, default_time_zone = :zone,
                    cancellation_deadline_hours = :cancelHours, reschedule_deadline_hours = :rescheduleHours,
                    max_reschedules = :maxReschedules, cancellation_fees = :fees, change_verification = :verification,
                    booking_window_days = :windowDays, active = :active, updated_at = :now
                WHERE id = :id""")
                        .params(params(spec))
                        .param("now", now())
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<String> encryptedSecret(long companyId, CompanySecret secret) {
        return jdbc.sql("SELECT " + secret.encryptedColumn() + " FROM companies WHERE id = :id")
                .param("id", companyId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(value -> value);
    }

    /** Encrypted values of one secret for every active company that has it. */
    List<String> encryptedSecretOfActiveCompanies(CompanySecret secret) {
        return jdbc.sql("SELECT " + secret.encryptedColumn() + " FROM companies WHERE active = TRUE AND "
                        + secret.encryptedColumn() + " IS NOT NULL ORDER BY id")
                .query(String.class)
                .list();
    }

    boolean storeSecret(long companyId, CompanySecret secret, @Nullable String encrypted, @Nullable String hint) {
        return jdbc.sql("UPDATE companies SET " + secret.encryptedColumn() + " = :enc, " + secret.hintColumn()
                                + " = :hint, updated_at = :now WHERE id = :id")
                        .param("enc", encrypted, Types.VARCHAR)
                        .param("hint", hint, Types.VARCHAR)
                        .param("now", now())
                        .param("id", companyId)
                        .update()
                == 1;
    }

    private static Map<String, Object> params(CompanySpec spec) {
        return Map.ofEntries(
                Map.entry("slug", spec.slug()),
                Map.entry("name", spec.name()),
                Map.entry("language", spec.language().code()),
                Map.entry("zone", spec.defaultTimeZone().getId()),
                Map.entry("cancelHours", spec.policies().cancellationDeadlineHours()),
                Map.entry("rescheduleHours", spec.policies().rescheduleDeadlineHours()),
                Map.entry("maxReschedules", spec.policies().maxReschedules()),
                Map.entry("fees", TenancyJson.write(spec.policies().cancellationFees())),
                Map.entry("verification", spec.policies().changeVerification().code()),
                Map.entry("windowDays", spec.bookingWindowDays()),
                Map.entry("active", spec.active()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Company map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    /** Maps company columns, optionally prefixed (joins alias them). */
    static Company map(ResultSet rs, String prefix) throws SQLException {
        Policies policies = new Policies(
                rs.getInt(prefix + "cancellation_deadline_hours"),
                rs.getInt(prefix + "reschedule_deadline_hours"),
                rs.getInt(prefix + "max_reschedules"),
                TenancyJson.fees(rs.getString(prefix + "cancellation_fees")),
                ChangeVerification.fromCode(rs.getString(prefix + "change_verification")));
        return new Company(
                rs.getLong(prefix + "id"),
                rs.getString(prefix + "slug"),
                rs.getString(prefix + "name"),
                Language.fromCode(rs.getString(prefix + "language")),
                ZoneId.of(rs.getString(prefix + "default_time_zone")),
                policies,
                rs.getInt(prefix + "booking_window_days"),
                rs.getBoolean(prefix + "active"));
    }
}
