package io.slotline.calcom;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cal.com client settings ({@code slotline.calcom.*}). {@code api-versions} and {@code read-timeouts} are keyed
 * by endpoint group ({@code slots}, {@code bookings}, {@code event-types}); given keys override the defaults
 * (slots 2024-09-04 / 2500ms, bookings 2024-08-13 / 8s, event-types 2024-06-14 / 5s), unknown keys fail startup.
 * Reservations belong to the slots group.
 */
@ConfigurationProperties("slotline.calcom")
public record CalcomProperties(
        @DefaultValue("https://api.cal.com") URI baseUrl,
        @DefaultValue Map<String, String> apiVersions,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue Map<String, Duration> readTimeouts,
        @DefaultValue("Slotline/0.1 (appointment gateway)") String userAgent) {

    public CalcomProperties {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        apiVersions = merge(apiVersions, EndpointGroup::defaultApiVersion);
        readTimeouts = merge(readTimeouts, group -> Duration.ofMillis(group.defaultReadTimeoutMillis()));
        positive(connectTimeout, "connect-timeout");
        readTimeouts.forEach((group, timeout) -> positive(timeout, "read-timeouts." + group));
    }

    public static CalcomProperties defaults() {
        return new CalcomProperties(
                URI.create("https://api.cal.com"),
                Map.of(),
                Duration.ofMillis(500),
                Map.of(),
                "Slotline/0.1 (appointment gateway)");
    }

    public CalcomProperties withBaseUrl(URI newBaseUrl) {
        return new CalcomProperties(newBaseUrl, apiVersions, connectTimeout, readTimeouts, userAgent);
    }

    String apiVersion(EndpointGroup group) {
        return Objects.requireNonNull(apiVersions.get(group.key())); // merge() filled in every group
    }

    Duration readTimeout(EndpointGroup group) {
        return Objects.requireNonNull(readTimeouts.get(group.key())); // merge() filled in every group
    }

    private static <V> Map<String, V> merge(Map<String, V> given, Function<EndpointGroup, V> defaults) {
        Map<EndpointGroup, V> merged = new EnumMap<>(EndpointGroup.class);
        for (EndpointGroup group : EndpointGroup.values()) {
            merged.put(group, defaults.apply(group));
        }
        given.forEach((key, value) -> merged.put(groupOf(key), Objects.requireNonNull(value, key)));
        return Map.copyOf(merged.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().key(), Map.Entry::getValue)));
    }

    private static EndpointGroup groupOf(String key) {
        return Arrays.stream(EndpointGroup.values())
                .filter(group -> group.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Cal.com endpoint group '" + key
                        + "' in slotline.calcom; known: slots, bookings, event-types"));
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("slotline.calcom." + name + " must be positive: " + value);
        }
    }
}
