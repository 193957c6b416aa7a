package io.slotline.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers per company; (company, phone) is unique, so concurrent calls from one number share one row. */
@Repository
public class Customers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final String COLUMNS = "id, company_id, name, phone, email, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    Customers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Customer> findByPhone(long companyId, String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers WHERE company_id = :companyId AND phone = :phone")
                .param("companyId", companyId)
                .param("phone", e164)
                .query(Customers::map)
                .optional();
    }

    /**
     * The company's customer with this email (case-insensitive); when several share it (a family's address), the
     * most recently updated one.
     */
    public Optional<Customer> findByEmail(long companyId, String email) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                 FROM customers WHERE company_id = :companyId AND LOWER(email) = LOWER(:email)
                ORDER BY updated_at DESC, id DESC""")
                .param("companyId", companyId)
                .param("email", email.trim())
                .query(Customers::map)
                .list()
                .stream()
                .findFirst();
    }

    public Optional<Customer> findById(long companyId, long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", customerId)
                .query(Customers::map)
                .optional();
    }

    /**
     * Creates the customer or fills in what we learned. A null name or email keeps the stored one: a caller who
     * gives only a name must not erase the email we had.
     *
     * @throws IllegalArgumentException when phone is not E.164 or name/email are too long
     */
    public Customer upsertByPhone(long companyId, String phone, @Nullable String name, @Nullable String email) {
        String e164 = requireE164(phone);
        String cleanName = clean(name, "name", 200);
        String cleanEmail = clean(email, "email", 320);
        if (!insertIfAbsent(companyId, e164, cleanName, cleanEmail) && (cleanName != null || cleanEmail != null)) {
            jdbc.sql("""
                    UPDATE customers SET name = COALESCE(:name, name), email = COALESCE(:email, email),
                        updated_at = :now
                    WHERE company_id = :companyId AND phone = :phone""")
                    .param("name", cleanName, Types.VARCHAR)
                    .param("email", cleanEmail, Types.VARCHAR)
                    .param("now", now())
                    .param("companyId", companyId)
                    .param("phone", e164)
                    .update();
        }
        return findByPhone(companyId, e164)
                .orElseThrow(() -> new IllegalStateException("customer row vanished after upsert"));
    }

    /** The caller's row, created nameless if this number never called before. */
    public Customer ensureByPhone(long companyId, String phone) {
        String e164 = requireE164(phone);
        return findByPhone(companyId, e164).orElseGet(() -> upsertByPhone(companyId, e164, null, null));
    }

    /**
     * ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable when another call inserted the same number
     * first; the DuplicateKeyException branch covers databases that still raise it.
     */
    private boolean insertIfAbsent(long companyId, String phone, @Nullable String name, @Nullable String email) {
        try {
            return jdbc.sql("""
                    INSERT INTO customers (company_id, name, phone, email, created_at, updated_at)
                    VALUES (:companyId, :name, :phone, :email, :now, :now)
                    ON CONFLICT DO NOTHING""")
                            .param("companyId", companyId)
                            .param("name", name, Types.VARCHAR)
                            .param("phone", phone)
                            .param("email", email, Types.VARCHAR)
                            .param("now", now())
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static String requireE164(@Nullable String phone) {
        String trimmed = phone == null ? "" : phone.trim();
        if (!E164.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("phone must be E.164 like +4930120000");
        }
        return trimmed;
    }

    private static @Nullable String clean(@Nullable String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
