package io.slotline.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Branches {

    private static final String COLUMNS = "id, company_id, name, time_zone, address, active, phone";

    private final JdbcClient jdbc;

    Branches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Branch> findById(long companyId, long branchId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE company_id = :companyId AND id = :id")
                .param("companyId", companyId)
                .param("id", branchId)
                .query(Branches::map)
                .optional();
    }

    Optional<Branch> findByName(long companyId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE company_id = :companyId AND name = :name")
                .param("companyId", companyId)
                .param("name", name)
                .query(Branches::map)
                .optional();
    }

    List<Branch> findAll(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branches WHERE company_id = :companyId ORDER BY id")
                .param("companyId", companyId)
                .query(Branches::map)
                .list();
    }

    long insert(long companyId, BranchSpec spec) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO branches (company_id, name, time_zone, address, active, phone)
                VALUES (:companyId, :name, :zone, :address, :active, :phone)""")
                .param("phone", spec.phone(), Types.VARCHAR)
                .param("companyId", companyId)
                .param("name", spec.name())
                .param("zone", spec.timeZone().getId())
                .param("address", spec.address(), Types.VARCHAR)
                .param("active", spec.active())
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    boolean update(long companyId, long branchId, BranchSpec spec) {
        return jdbc.sql("""
                UPDATE branches SET name = :name, time_zone = :zone, address = :address, active = :active,
                       phone = :phone
                WHERE company_id = :companyId AND id = :id""")
                        .param("phone", spec.phone(), Types.VARCHAR)
                        .param("name", spec.name())
                        .param("zone", spec.timeZone().getId())
                        .param("address", spec.address(), Types.VARCHAR)
                        .param("active", spec.active())
                        .param("companyId", companyId)
                        .param("id", branchId)
                        .update()
                == 1;
    }

    static Branch map(ResultSet rs, int row) throws SQLException {
        return map(rs, "");
    }

    static Branch map(ResultSet rs, String prefix) throws SQLException {
        return new Branch(
                rs.getLong(prefix + "id"),
                rs.getLong(prefix + "company_id"),
                rs.getString(prefix + "name"),
                ZoneId.of(rs.getString(prefix + "time_zone")),
                rs.getString(prefix + "address"),
                rs.getBoolean(prefix + "active"),
                rs.getString(prefix + "phone"));
    }
}
