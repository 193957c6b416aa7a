package io.slotline.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Every function call of a phone call, so an operator can replay what the agent heard. */
@Repository
public class FunctionCallLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    FunctionCallLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long record(NewFunctionCall call) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO function_calls (company_id, retell_call_id, function_name, tool_call_id, args_json, ok,
                    outcome, message, latency_ms, upstream_requests, created_at)
                VALUES (:companyId, :retellCallId, :functionName, :toolCallId, :argsJson, :ok, :outcome, :message,
                    :latencyMs, :upstreamRequests, :now)""")
                .param("companyId", call.companyId())
                .param("retellCallId", truncate(call.retellCallId(), 128))
                .param("functionName", truncate(call.functionName(), 64))
                .param("toolCallId", truncate(call.toolCallId(), 128), Types.VARCHAR)
                .param("argsJson", truncate(call.argsJson(), 8000), Types.VARCHAR)
                .param("ok", call.ok())
                .param("outcome", truncate(call.outcome(), 64))
                .param("message", truncate(call.message(), 4000), Types.VARCHAR)
                .param("latencyMs", Math.max(0, call.latencyMs()))
                .param("upstreamRequests", Math.max(0, call.upstreamRequests()))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    /** In the order they happened. */
    public List<FunctionCall> byCall(long companyId, String retellCallId) {
        return jdbc.sql("""
                SELECT id, company_id, retell_call_id, function_name, tool_call_id, args_json, ok, outcome, message,
                       latency_ms, upstream_requests, created_at
                FROM function_calls
                WHERE company_id = :companyId AND retell_call_id = :retellCallId
                ORDER BY created_at, id""")
                .param("companyId", companyId)
                .param("retellCallId", retellCallId)
                .query(FunctionCallLog::map)
                .list();
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static FunctionCall map(ResultSet rs, int row) throws SQLException {
        return new FunctionCall(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("retell_call_id"),
                rs.getString("function_name"),
                rs.getString("tool_call_id"),
                rs.getString("args_json"),
                rs.getBoolean("ok"),
                rs.getString("outcome"),
                rs.getString("message"),
                rs.getInt("latency_ms"),
                rs.getInt("upstream_requests"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
