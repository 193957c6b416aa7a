package io.slotline.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Retell agents by id: routing web and test calls, and the inbound call's agent override. See {@link RetellAgent}. */
@Component
public class RetellAgents {

    private static final String COLUMNS = "agent_id, company_id, branch_id, e164, language, learnt";

    private final JdbcClient jdbc;
    private final TenantDirectory directory;
    private final Clock clock;
    /** Read on every function call of a web call; an empty Optional (unknown agent) is cached too. */
    private final Cache<String, Optional<RetellAgent>> byId;

    RetellAgents(JdbcClient jdbc, TenantDirectory directory, Clock clock, TenancyProperties properties) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.byId = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The company and branch a call of this agent is for; empty for an unknown agent or an inactive company. */
    public Optional<TenantContext> tenantOf(String agentId) {
        return agent(agentId)
                .flatMap(agent -> directory
                        .company(agent.companyId())
                        .filter(Company::active)
                        .flatMap(company -> branchOf(agent).map(branch -> new TenantContext(company, branch, null))));
    }

    private Optional<Branch> branchOf(RetellAgent agent) {
        if (agent.branchId() != null) {
            return directory.branch(agent.companyId(), agent.branchId()).filter(Branch::active);
        }
        return directory.defaultBranch(agent.companyId());
    }

    public Optional<RetellAgent> agent(String agentId) {
        return byId.get(
                agentId,
                id -> jdbc.sql("SELECT " + COLUMNS + " FROM retell_agents WHERE agent_id = :id")
                        .param("id", id)
                        .query(RetellAgents::map)
                        .optional());
    }

    /** The configured agent for a call to this number: number before branch before company, language before any. */
    public Optional<String> inboundAgent(TenantContext tenant) {
        return jdbc.sql("""
                SELECT agent_id FROM retell_agents
                WHERE company_id = :companyId AND learnt = FALSE
                  AND (e164 IS NULL OR e164 = :e164)
                  AND (branch_id IS NULL OR branch_id = :branchId)
                  AND (language IS NULL OR language = :language)
                ORDER BY CASE WHEN e164 IS NULL THEN 1 ELSE 0 END, CASE WHEN branch_id IS NULL THEN 1 ELSE 0 END,
                         CASE WHEN language IS NULL THEN 1 ELSE 0 END, agent_id
                FETCH FIRST 1 ROWS ONLY""")
                .param("companyId", tenant.companyId())
                .param(
                        "e164",
                        tenant.phoneNumber() == null
                                ? null
                                : tenant.phoneNumber().e164(),
                        Types.VARCHAR)
                .param("branchId", tenant.branchId())
                .param("language", tenant.company().language().code())
                .query(String.class)
                .optional();
    }

    /**
     * Remembers that this agent answered a call to one of the tenant's numbers, so that its web calls route to the
     * same branch. Never changes an agent already known (configured or learnt, of any company).
     */
    public void learn(String agentId, TenantContext tenant) {
        if (agent(agentId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO retell_agents (agent_id, company_id, branch_id, learnt, created_at, updated_at)
                    VALUES (:id, :companyId, :branchId, TRUE, :now, :now)""")
                    .param("id", agentId)
                    .param("companyId", tenant.companyId())
                    .param("branchId", tenant.branchId())
                    .param("now", now())
                    .update();
        } catch (DuplicateKeyException e) {
            // another request learnt it first
        }
        byId.invalidate(agentId);
    }

    // --- administration

    public List<RetellAgent> ofCompany(long companyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retell_agents WHERE company_id = :companyId ORDER BY agent_id")
                .param("companyId", companyId)
                .query(RetellAgents::map)
                .list();
    }

    /**
     * Configures an agent for a company (a learnt one becomes configured).
     *
     * @return false when the agent is configured for another company
     */
    public boolean configure(RetellAgent agent) {
        Optional<RetellAgent> existing = jdbc.sql("SELECT " + COLUMNS + " FROM retell_agents WHERE agent_id = :id")
                .param("id", agent.agentId())
                .query(RetellAgents::map)
                .optional();
        if (existing.isPresent()
                && existing.get().companyId() != agent.companyId()
                && !existing.get().learnt()) {
            return false;
        }
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE retell_agents SET company_id = :companyId, branch_id = :branchId, e164 = :e164,
                           language = :language, learnt = FALSE, updated_at = :now
                    WHERE agent_id = :id""")
                    .param("id", agent.agentId())
                    .param("companyId", agent.companyId())
                    .param("branchId", agent.branchId(), Types.BIGINT)
                    .param("e164", agent.e164(), Types.VARCHAR)
                    .param(
                            "language",
                            agent.language() == null ? null : agent.language().code(),
                            Types.VARCHAR)
                    .param("now", now())
                    .update();
        } else {
            jdbc.sql("""
                    INSERT INTO retell_agents (agent_id, company_id, branch_id, e164, language, learnt, created_at,
                                               updated_at)
                    VALUES (:id, :companyId, :branchId, :e164, :language, FALSE, :now, :now)""")
                    .param("id", agent.agentId())
                    .param("companyId", agent.companyId())
                    .param("branchId", agent.branchId(), Types.BIGINT)
                    .param("e164", agent.e164(), Types.VARCHAR)
                    .param(
                            "language",
                            agent.language() == null ? null : agent.language().code(),
                            Types.VARCHAR)
                    .param("now", now())
                    .update();
        }
        byId.invalidate(agent.agentId());
        return true;
    }

    public boolean remove(long companyId, String agentId) {
        boolean removed = jdbc.sql("DELETE FROM retell_agents WHERE company_id = :companyId AND agent_id = :id")
                        .param("companyId", companyId)
                        .param("id", agentId)
                        .update()
                == 1;
        byId.invalidate(agentId);
        return removed;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static RetellAgent map(ResultSet rs, int row) throws SQLException {
        long branchId = rs.getLong("branch_id");
        Long branch = rs.wasNull() ? null : branchId;
        String language = rs.getString("language");
        return new RetellAgent(
                rs.getString("agent_id"),
                rs.getLong("company_id"),
                branch,
                rs.getString("e164"),
                language == null ? null : Language.fromCode(language),
                rs.getBoolean("learnt"));
    }

    /** For the tenant file: the agent as configured there, compared with what is stored. */
    @Nullable RetellAgent stored(String agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retell_agents WHERE agent_id = :id")
                .param("id", agentId)
                .query(RetellAgents::map)
                .optional()
                .orElse(null);
    }
}
