package io.slotline.calls;

import static io.slotline.database.Timestamps.instant;
import static io.slotline.database.Timestamps.utc;
import static io.slotline.database.Timestamps.utcOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calls table. Retell's webhooks are "triggered in order, but not blocking", retried, and a function call can
 * arrive before call_started: every method creates the row when missing and merges into it otherwise, so any
 * order of events ends in the same row. Identity fields keep the first known value; later facts fill gaps.
 */
@Repository
public class Calls {

    /** A call still "ongoing" after this long lost its call_ended; the active gauge stops counting it. */
    static final Duration ACTIVE_WINDOW = Duration.ofHours(2);

    private static final Set<String> END_STATUSES = Set.of("ended", "error", "not_connected");
    private static final String COLUMNS = """
            id, retell_call_id, company_id, branch_id, customer_id, agent_id, from_number, to_number, direction,
            status, started_at, ended_at, disconnection_reason, summary, user_sentiment, call_successful,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Calls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** From a function call: the row exists afterwards; a known customer is attached (the latest wins). */
    public Call ensure(CallFacts call, @Nullable Long customerId) {
        insertIfAbsent(call);
        jdbc.sql(MERGE_IDENTITY + ", customer_id = COALESCE(:customerId, customer_id) " + WHERE_CALL)
                .params(identityParams(call))
                .param("customerId", customerId, Types.BIGINT)
                .update();
        return reread(call);
    }

    public Call recordStarted(CallFacts call) {
        insertIfAbsent(call);
        jdbc.sql(MERGE_IDENTITY + " " + WHERE_CALL).params(identityParams(call)).update();
        return reread(call);
    }

    /**
     * @param callStatus Retell's final call_status (ended, error, not_connected); null means ended
     */
    public Call recordEnded(
            CallFacts call,
            @Nullable String callStatus,
            @Nullable String disconnectionReason,
            @Nullable Instant endedAt) {
        String status = callStatus == null ? Call.ENDED : callStatus;
        if (!END_STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a final call status: " + status);
        }
        insertIfAbsent(call);
        jdbc.sql(MERGE_IDENTITY + """
                , status = :status, ended_at = COALESCE(:endedAt, ended_at),
                  disconnection_reason = COALESCE(:reason, disconnection_reason)
                """ + WHERE_CALL)
                .params(identityParams(call))
                .param("status", status)
                .param("endedAt", utcOrNull(endedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("reason", truncate(disconnectionReason, 64), Types.VARCHAR)
                .update();
        return reread(call);
    }

    /** call_analyzed implies the call is over even if call_ended was lost. */
    /** @param customAnalysis the agent's own post-call analysis fields, as a JSON object */
    public Call recordAnalyzed(
            CallFacts call,
            @Nullable String summary,
            @Nullable String userSentiment,
            @Nullable Boolean successful,
            @Nullable Boolean inVoicemail,
            @Nullable String customAnalysis) {
        insertIfAbsent(call);
        jdbc.sql(MERGE_IDENTITY + """
                , status = CASE WHEN status = 'ongoing' THEN 'ended' ELSE status END,
                  summary = COALESCE(:summary, summary), user_sentiment = COALESCE(:sentiment, user_sentiment),
                  call_successful = COALESCE(:successful, call_successful),
                  in_voicemail = COALESCE(:voicemail, in_voicemail),
                  custom_analysis = COALESCE(:custom, custom_analysis)
                """ + WHERE_CALL)
                .param("voicemail", inVoicemail, Types.BOOLEAN)
                .param(
                        "custom",
                        customAnalysis != null && customAnalysis.length() <= 16000 ? customAnalysis : null,
                        Types.VARCHAR)
                .params(identityParams(call))
                .param("summary", truncate(summary, 8000), Types.VARCHAR)
                .param("sentiment", truncate(userSentiment, 16), Types.VARCHAR)
                .param("successful", successful, Types.BOOLEAN)
                .update();
        return reread(call);
    }

    public Optional<Call> findByRetellCallId(long companyId, String retellCallId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE company_id = :companyId "
                        + "AND retell_call_id = :retellCallId")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .query(Calls::map)
                .optional();
    }

    /** Ongoing calls across all companies, for the slotline.calls.active gauge. */
    public int countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM calls WHERE status = 'ongoing' AND created_at >= :since")
                .param("since", utc(clock.instant().minus(ACTIVE_WINDOW)))
                .query(Integer.class)
                .single();
    }

    private static final String MERGE_IDENTITY = """
            UPDATE calls SET
                branch_id = COALESCE(branch_id, :branchId),
                agent_id = COALESCE(agent_id, :agentId),
                from_number = COALESCE(from_number, :fromNumber),
                to_number = COALESCE(to_number, :toNumber),
                direction = COALESCE(direction, :direction),
                started_at = COALESCE(started_at, :startedAt),
                updated_at = :now""";

    private static final String WHERE_CALL = "WHERE company_id = :companyId AND retell_call_id = :retellCallId";

    private void insertIfAbsent(CallFacts call) {
        try {
            jdbc.sql("""
                    INSERT INTO calls (retell_call_id, company_id, branch_id, agent_id, from_number, to_number,
                        direction, status, started_at, created_at, updated_at)
                    VALUES (:retellCallId, :companyId, :branchId, :agentId, :fromNumber, :toNumber, :direction,
                        'ongoing', :startedAt, :now, :now)
                    ON CONFLICT DO NOTHING""").params(identityParams(call)).update();
        } catch (DuplicateKeyException e) {
            // the other event's insert won; the merge that follows updates its row
        }
    }

    private Map<String, Object> identityParams(CallFacts call) {
        Map<String, Object> params = new HashMap<>();
        params.put("retellCallId", call.retellCallId());
        params.put("companyId", call.companyId());
        params.put("branchId", typed(Types.BIGINT, call.branchId()));
        params.put("agentId", typed(Types.VARCHAR, truncate(call.agentId(), 128)));
        params.put("fromNumber", typed(Types.VARCHAR, truncate(call.fromNumber(), 32)));
        params.put("toNumber", typed(Types.VARCHAR, truncate(call.toNumber(), 32)));
        params.put("direction", typed(Types.VARCHAR, truncate(call.direction(), 16)));
        params.put("startedAt", typed(Types.TIMESTAMP_WITH_TIMEZONE, utcOrNull(call.startedAt())));
        params.put("now", utc(clock.instant()));
        return params;
    }

    private Call reread(CallFacts call) {
        return findByRetellCallId(call.companyId(), call.retellCallId())
                .orElseThrow(() -> new IllegalStateException(
                        "Retell call " + call.retellCallId() + " is stored for another company"));
    }

    private static SqlParameterValue typed(int type, @Nullable Object value) {
        return new SqlParameterValue(type, value);
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static Call map(ResultSet rs, int row) throws SQLException {
        return new Call(
                rs.getLong("id"),
                rs.getString("retell_call_id"),
                rs.getLong("company_id"),
                rs.getObject("branch_id", Long.class),
                rs.getObject("customer_id", Long.class),
                rs.getString("agent_id"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                rs.getString("direction"),
                rs.getString("status"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("disconnection_reason"),
                rs.getString("summary"),
                rs.getString("user_sentiment"),
                rs.getObject("call_successful", Boolean.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
