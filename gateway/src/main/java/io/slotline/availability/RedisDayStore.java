package io.slotline.availability;

import io.slotline.redis.RedisGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared level of the cache, for {@link RedisDays}: day entries as JSON (slots, fetchedAt, and the token of
 * epoch and generation they were fetched in), expiring after {@code stale-grace}; freshness is decided by fetchedAt,
 * never by the Redis TTL. An entry counts only while its day's generation and the epoch are those it carries.
 *
 * <p>Reads go through the {@link RedisGuard}. The writes ({@link #writeIfCurrent}, {@link #bumpGenerations}) are
 * plain commands: the caller runs them under the guard together with the publish that announces them.
 */
final class RedisDayStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // KEYS: day1, gen1, day2, gen2, ...; ARGV: ttl millis, expected gen 1, entry 1, expected gen 2, entry 2, ...
    private static final RedisScript<Long> WRITE_IF_CURRENT = RedisScript.of("""
            local written = 0
            for i = 1, #KEYS, 2 do
              local n = (i + 1) / 2
              local current = redis.call('GET', KEYS[i + 1]) or '0'
              if current == ARGV[2 * n] then
                redis.call('SET', KEYS[i], ARGV[2 * n + 1], 'PX', ARGV[1])
                written = written + 1
              end
            end
            return written
            """, Long.class);

    // KEYS: gen keys; ARGV: ttl millis
    private static final RedisScript<Long> BUMP = RedisScript.of("""
            for i = 1, #KEYS do
              redis.call('INCR', KEYS[i])
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
            end
            return #KEYS
            """, Long.class);

    /** What Redis knows of a range: the entries that count, and the epoch they count in. */
    record Known(Map<LocalDate, DayEntry> days, String epoch) {}

    /** The generation of each day of a range and the epoch, read before asking Cal.com. */
    record Generations(List<String> ofDays, String epoch) {}

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration entryTtl;

    RedisDayStore(StringRedisTemplate redis, RedisGuard guard, RedisKeys keys, Duration entryTtl, Clock clock) {
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.entryTtl = entryTtl;
        this.clock = clock;
    }

    Known read(DayRange range, Duration maxAge) {
        List<LocalDate> days = range.days();
        List<String> names = new ArrayList<>(days.size() * 2 + 1);
        days.forEach(day -> names.add(keys.day(range, day)));
        days.forEach(day -> names.add(keys.generation(range.calendar().companyId(), day)));
        names.add(keys.epoch());
        List<String> values = guard.call(() -> redis.opsForValue().multiGet(names));
        Map<LocalDate, DayEntry> known = new LinkedHashMap<>();
        if (values == null) {
            return new Known(known, "0");
        }
        String epoch = values.get(days.size() * 2) != null ? values.get(days.size() * 2) : "0";
        Instant now = clock.instant();
        for (int i = 0; i < days.size(); i++) {
            String generation = values.get(days.size() + i) != null ? values.get(days.size() + i) : "0";
            DayEntry entry = decode(values.get(i), token(epoch, generation));
            if (entry != null && entry.youngerThan(maxAge, now)) {
                known.put(days.get(i), entry);
            }
        }
        return new Known(known, epoch);
    }

    /** Read before asking Cal.com: an invalidation or a new epoch meanwhile makes that answer not count. */
    Generations generations(DayRange range) {
        List<LocalDate> days = range.days();
        List<String> names = new ArrayList<>(days.size() + 1);
        days.forEach(day -> names.add(keys.generation(range.calendar().companyId(), day)));
        names.add(keys.epoch());
        List<String> values = guard.call(() -> redis.opsForValue().multiGet(names));
        String epoch = values != null && values.get(days.size()) != null ? values.get(days.size()) : "0";
        List<String> ofDays = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            ofDays.add(values != null && values.get(i) != null ? values.get(i) : "0");
        }
        return new Generations(ofDays, epoch);
    }

    /** Writes each fetched day only if its generation is still the one read before the fetch (one Lua script). */
    void writeIfCurrent(DayRange range, Map<LocalDate, DayEntry> fetched, Generations generations) {
        List<LocalDate> days = range.days();
        List<String> writeKeys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(entryTtl.toMillis()));
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            String generation = generations.ofDays().get(i);
            writeKeys.add(keys.day(range, day));
            writeKeys.add(keys.generation(range.calendar().companyId(), day));
            args.add(generation);
            args.add(encode(
                    Objects.requireNonNull(fetched.get(day), "fetched day"), token(generations.epoch(), generation)));
        }
        redis.execute(WRITE_IF_CURRENT, writeKeys, args.toArray());
    }

    /** Entries of these days written before now no longer count, on any instance. */
    void bumpGenerations(long companyId, LocalDate from, LocalDate to) {
        List<String> generations = from.datesUntil(to.plusDays(1))
                .map(day -> keys.generation(companyId, day))
                .toList();
        redis.execute(BUMP, generations, String.valueOf(entryTtl.plusMinutes(1).toMillis()));
    }

    /** Entries and locks of the epoch before no longer count (Redis is back after an outage). */
    void bumpEpoch() {
        redis.opsForValue().increment(keys.epoch());
    }

    /** What an entry must carry to count: the epoch it was fetched in and its day's generation then. */
    private static String token(String epoch, String generation) {
        return epoch + ":" + generation;
    }

    private static String encode(DayEntry entry, String token) {
        ObjectNode node = JSON.createObjectNode();
        node.put("g", token);
        node.put("f", entry.fetchedAt().toEpochMilli());
        ArrayNode slots = node.putArray("s");
        for (FreeSlot slot : entry.slots()) {
            slots.addArray().add(slot.start().toEpochMilli()).add(slot.end().toEpochMilli());
        }
        return JSON.writeValueAsString(node);
    }

    private static @Nullable DayEntry decode(@Nullable String json, String currentToken) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!currentToken.equals(node.path("g").asString(""))) {
                return null;
            }
            List<FreeSlot> slots = new ArrayList<>();
            for (JsonNode slot : node.path("s")) {
                slots.add(new FreeSlot(
                        Instant.ofEpochMilli(slot.get(0).asLong()),
                        Instant.ofEpochMilli(slot.get(1).asLong())));
            }
            return new DayEntry(slots, Instant.ofEpochMilli(node.path("f").asLong()));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
