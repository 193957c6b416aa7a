package io.slotline.secrets;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes (AES-256), e.g. {@code openssl rand -base64 32}; required outside demo/test
 */
@ConfigurationProperties("slotline.secrets")
record SecretsProperties(@Nullable String key) {

    @Override
    public String toString() {
        return "SecretsProperties[key=" + (key == null || key.isBlank() ? "unset" : "***") + "]";
    }
}
