package io.slotline.sim.web;

import io.slotline.sim.calendar.Tenant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One incoming request as the endpoints see it. */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final String url;
    private final Map<String, List<String>> query;
    private final Map<String, String> pathVariables;
    private final Function<String, @Nullable String> headers;
    private final byte[] body;
    private final String remoteAddress;
    private final Instant receivedAt;
    private @Nullable Tenant caller;
    private @Nullable JsonNode parsedBody;

    public ApiRequest(
            String method,
            String path,
            @Nullable String rawQuery,
            Map<String, String> pathVariables,
            Function<String, @Nullable String> headers,
            byte[] body,
            String remoteAddress,
            Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.url = rawQuery == null ? path : path + "?" + rawQuery;
        this.query = parseQuery(rawQuery);
        this.pathVariables = Map.copyOf(pathVariables);
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
        this.receivedAt = receivedAt;
    }

    /** Query parameters in order, decoded like Express ({@code +} is a space); repeated names keep all values. */
    static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Path and raw query as received: what Cal.com puts in an error's {@code path}. */
    public String url() {
        return url;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Set<String> queryNames() {
        return query.keySet();
    }

    public @Nullable String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path variable " + name);
        }
        return value;
    }

    public @Nullable String header(String name) {
        return headers.apply(name);
    }

    /** The Authorization header is present (whatever its form). */
    public boolean hasAuthorization() {
        String value = header("Authorization");
        return value != null && !value.isBlank();
    }

    /** The API key of a {@code Bearer} Authorization header, or null when there is none or it is not Bearer. */
    public @Nullable String bearerToken() {
        String value = header("Authorization");
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            String token = trimmed.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    public @Nullable Tenant caller() {
        return caller;
    }

    public void caller(@Nullable Tenant tenant) {
        this.caller = tenant;
    }

    public byte[] body() {
        return body;
    }

    /** The JSON body; an empty body reads as {@code {}} (as Express's JSON parser leaves it). */
    public JsonNode jsonBody() {
        if (parsedBody == null) {
            parsedBody = parse();
        }
        return parsedBody;
    }

    public ObjectNode jsonObjectBody() {
        JsonNode node = jsonBody();
        if (!node.isObject()) {
            throw ApiError.badRequest("Body should be an object");
        }
        return (ObjectNode) node;
    }

    private JsonNode parse() {
        if (isBlank(body)) {
            return Json.object();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Json.object() : node;
        } catch (JacksonException e) {
            throw ApiError.badRequest("Malformed JSON in request body: " + e.getOriginalMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
