package io.slotline.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Services {

    private static final String COLUMNS = """
            id, company_id, name, synonyms, duration_minutes, price_cents, currency, calcom_event_type_id,
            calcom_event_type_slug, active, calcom_team_id, steps""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Services(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Service> findActive(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE company_id = :companyId AND active = TRUE "
                        + "ORDER BY id")
                .param("companyId", companyId)
                .query(Services::map)
                .list();
    }

    List<Service> findAll(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE company_id = :companyId ORDER BY id")
                .param("companyId", companyId)
                .query(Services::map)
                .list();
    }

    Optional<Service> findById(long companyId, long serviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", serviceId)
                .query(Services::map)
                .optional();
    }

    Optional<Service> findByName(long companyId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE company_id = :companyId AND name = :name")
                .param("companyId", companyId)
                .param("name", name)
                .query(Services::map)
                .optional();
    }

    long insert(long companyId, ServiceSpec spec) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO services (company_id, name, synonyms, duration_minutes, price_cents, currency,
                    calcom_event_type_id, calcom_event_type_slug, active, calcom_team_id, steps, created_at, updated_at)
                VALUES (:companyId, :name, :synonyms, :duration, :price, :currency, :eventTypeId, :eventTypeSlug,
                    :active, :teamId, :steps, :now, :now)""")
                .param("companyId", companyId)
                .param("now", now())
                .params(specParams(spec))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    boolean update(long companyId, long serviceId, ServiceSpec spec) {
        return jdbc.sql("""
                UPDATE services SET name = :name, synonyms = :synonyms, duration_minutes = :duration,
                    price_cents = :price, currency = :currency, calcom_event_type_id = :eventTypeId,
                    calcom_event_type_slug = :eventTypeSlug, active = :active, calcom_team_id = :teamId, steps = :steps,
                    updated_at = :now
                WHERE company_id = :companyId AND id = :id""")
                        .param("companyId", companyId)
                        .param("id", serviceId)
                        .param("now", now())
                        .params(specParams(spec))
                        .update()
                == 1;
    }

    private static Map<String, Object> specParams(ServiceSpec spec) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", spec.name());
        params.put("synonyms", TenancyJson.write(spec.synonyms()));
        params.put("duration", spec.durationMinutes());
        params.put("price", new SqlParameterValue(Types.INTEGER, spec.priceCents()));
        params.put("currency", spec.currency());
        params.put("eventTypeId", new SqlParameterValue(Types.BIGINT, spec.calcomEventTypeId()));
        params.put("eventTypeSlug", new SqlParameterValue(Types.VARCHAR, spec.calcomEventTypeSlug()));
        params.put("active", spec.active());
        params.put("teamId", new SqlParameterValue(Types.BIGINT, spec.calcomTeamId()));
        params.put("steps", TenancyJson.write(spec.steps()));
        return params;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static Service map(ResultSet rs, int row) throws SQLException {
        return new Service(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("name"),
                TenancyJson.strings(rs.getString("synonyms")),
                rs.getInt("duration_minutes"),
                rs.getObject("price_cents", Integer.class),
                rs.getString("currency"),
                rs.getObject("calcom_event_type_id", Long.class),
                rs.getString("calcom_event_type_slug"),
                rs.getBoolean("active"),
                rs.getObject("calcom_team_id", Long.class),
                TenancyJson.steps(rs.getString("steps")));
    }
}
