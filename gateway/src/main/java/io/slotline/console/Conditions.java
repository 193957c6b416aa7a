package io.slotline.console;

import io.slotline.database.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A WHERE clause that always starts with the scope's company condition. */
final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Conditions(Scope scope, String companyColumn) {
        conditions.add(scope.on(companyColumn));
        if (!scope.all()) {
            params.put("scopeCompany", scope.companyId());
        }
    }

    void add(String condition) {
        conditions.add(condition);
    }

    void add(boolean when, String condition, String name, @Nullable Object value) {
        if (when) {
            conditions.add(condition);
            params.put(name, value instanceof Instant instant ? Timestamps.utc(instant) : value);
        }
    }

    Map<String, Object> params() {
        return params;
    }

    String sql() {
        return " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> paged(int page, int size) {
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", size);
        paged.put("offset", (long) page * size);
        paged.remove("scopeCompany");
        return paged;
    }
}
