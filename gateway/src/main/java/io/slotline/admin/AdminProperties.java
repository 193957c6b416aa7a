package io.slotline.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token bearer token of the admin API; unset or blank switches the whole admin API off (404)
 */
@ConfigurationProperties("slotline.admin")
record AdminProperties(@Nullable String token) {

    boolean enabled() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (enabled() ? "***" : "unset") + "]";
    }
}
