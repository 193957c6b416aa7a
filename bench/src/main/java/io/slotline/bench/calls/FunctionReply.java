package io.slotline.bench.calls;

import io.slotline.bench.load.HttpReply;
import io.slotline.bench.load.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a simulated caller understands from a function's answer. The gateway's answer shape beyond
 * {@code {"ok":..., "message":...}} is not fixed yet, so this reads leniently, and it is the one place to adjust:
 * <ul>
 *   <li>available: {@code "available"} if present, else {@code "ok"};</li>
 *   <li>offered slots: the first array element anywhere that has {@code date} + {@code time} or an ISO
 *       {@code start}, else such fields on a (nested) object, e.g. {@code {"ok":true,"date":..,"time":..}}.</li>
 * </ul>
 */
public final class FunctionReply {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> START_FIELDS =
            List.of("start", "startTime", "start_time", "datetime", "dateTime");

    private final @Nullable JsonNode root;

    private FunctionReply(@Nullable JsonNode root) {
        this.root = root;
    }

    public static FunctionReply of(@Nullable HttpReply reply) {
        if (reply == null || !reply.successful()) {
            return new FunctionReply(null);
        }
        try {
            JsonNode node = JSON.readTree(reply.body());
            return new FunctionReply(node != null && node.isObject() ? node : null);
        } catch (JacksonException e) {
            return new FunctionReply(null);
        }
    }

    /** {@link Outcome#OK} or {@link Outcome#NOT_OK} from {@code "ok"}; throws on a body that is not a JSON object. */
    public static Outcome classify(HttpReply reply) {
        JsonNode node = JSON.readTree(reply.body());
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("function answer is not a JSON object");
        }
        JsonNode ok = node.get("ok");
        return ok != null && ok.isBoolean() && !ok.booleanValue() ? Outcome.NOT_OK : Outcome.OK;
    }

    public boolean ok() {
        JsonNode ok = root == null ? null : root.get("ok");
        return root != null && (ok == null || !ok.isBoolean() || ok.booleanValue());
    }

    public boolean available() {
        JsonNode available = root == null ? null : root.get("available");
        if (available != null && available.isBoolean()) {
            return available.booleanValue();
        }
        return ok();
    }

    public Optional<SlotTime> firstOfferedSlot(ZoneId zone) {
        if (root == null || !ok()) {
            return Optional.empty();
        }
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.poll();
            for (JsonNode child : node.values()) {
                if (child.isArray()) {
                    for (JsonNode element : child) {
                        Optional<SlotTime> slot = slotOf(element, zone);
                        if (slot.isPresent()) {
                            return slot;
                        }
                    }
                }
                if (child.isContainer()) {
                    pending.add(child);
                }
            }
        }
        pending.add(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.poll();
            if (node.isObject()) {
                Optional<SlotTime> slot = slotOf(node, zone);
                if (slot.isPresent()) {
                    return slot;
                }
                node.values().forEach(pending::add);
            }
        }
        return Optional.empty();
    }

    private static Optional<SlotTime> slotOf(JsonNode node, ZoneId zone) {
        if (node.isString()) {
            return parseStart(node.stringValue(), zone);
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode date = node.get("date");
        JsonNode time = node.get("time");
        if (date != null && time != null && date.isString() && time.isString()) {
            try {
                return Optional.of(
                        new SlotTime(LocalDate.parse(date.stringValue()), LocalTime.parse(time.stringValue())));
            } catch (DateTimeParseException e) {
                // fall through to start fields
            }
        }
        for (String field : START_FIELDS) {
            JsonNode start = node.get(field);
            if (start != null && start.isString()) {
                Optional<SlotTime> slot = parseStart(start.stringValue(), zone);
                if (slot.isPresent()) {
                    return slot;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SlotTime> parseStart(String text, ZoneId zone) {
        try {
            LocalDateTime local =
                    OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime();
            return Optional.of(new SlotTime(local.toLocalDate(), local.toLocalTime()));
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(text);
                return Optional.of(new SlotTime(local.toLocalDate(), local.toLocalTime()));
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(text), zone);
                    return Optional.of(new SlotTime(local.toLocalDate(), local.toLocalTime()));
                } catch (DateTimeParseException notInstant) {
                    return Optional.empty();
                }
            }
        }
    }
}
