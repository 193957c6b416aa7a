package io.slotline.retell;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The call context of an "args only" tool call, which carries no call object: the tool's headers (or query
 * parameters) filled by Retell from its system variables. Unresolved templates ("{{call_id}}" outside a call) and
 * blanks count as absent; an unencoded '+' in a query string arrives as a space and is put back.
 *
 * @param callId        {{call_id}}
 * @param agentNumber   {{agent_number}}: our number, the dialled one on inbound calls
 * @param userNumber    {{user_number}}: the caller (the called party on outbound calls)
 * @param direction     {{direction}}
 * @param company       a static header in the generated tools: the company's slug, for web calls without numbers
 */
record ArgsOnlyHeaders(
        @Nullable String callId,
        @Nullable String agentNumber,
        @Nullable String userNumber,
        @Nullable String direction,
        @Nullable String company) {

    private static final Pattern UNRESOLVED = Pattern.compile(".*\\{\\{.*}}.*");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,15}");

    static ArgsOnlyHeaders of(HttpServletRequest request, RetellProperties properties) {
        return new ArgsOnlyHeaders(
                value(request, properties.callIdHeader(), "call_id"),
                number(value(request, properties.tenantHeader(), properties.tenantQueryParam())),
                number(value(request, properties.callerHeader(), "from_number")),
                value(request, properties.directionHeader(), "direction"),
                value(request, properties.companyHeader(), "company"));
    }

    boolean outbound() {
        return "outbound".equalsIgnoreCase(direction);
    }

    private static @Nullable String value(HttpServletRequest request, String header, String queryParam) {
        String value = request.getHeader(header);
        if (clean(value) == null) {
            value = request.getParameter(queryParam);
        }
        return clean(value);
    }

    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || UNRESOLVED.matcher(trimmed).matches() ? null : trimmed;
    }

    /** "+4930120000" as sent, or " 4930120000" when a query string's '+' was decoded to a space. */
    static @Nullable String number(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String compact = raw.replace(" ", "");
        return DIGITS.matcher(compact).matches() ? "+" + compact : compact;
    }
}
