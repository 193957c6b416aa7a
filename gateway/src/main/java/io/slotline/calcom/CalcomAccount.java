package io.slotline.calcom;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's Cal.com credentials. {@code name} (the company slug) labels metrics and rate-limit state;
 * {@code baseUrl} overrides the configured base URL for self-hosted or EU instances (null: use the default).
 */
public record CalcomAccount(
        String name, String apiKey, @Nullable URI baseUrl) {

    public CalcomAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiKey, "apiKey");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Cal.com account name must not be blank");
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("Cal.com API key must not be blank for account " + name);
        }
    }

    public CalcomAccount(String name, String apiKey) {
        this(name, apiKey, null);
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        String hint = apiKey.length() > 4 ? apiKey.substring(apiKey.length() - 4) : "";
        return "CalcomAccount[name=" + name + ", apiKey=****" + hint + ", baseUrl=" + baseUrl + "]";
    }
}
