package io.slotline.admin;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicEndpoints actuator endpoints anyone may read (ids as in {@code /actuator/<id>}); every other one
 *                        needs the admin token, and without an admin token it does not exist. Health probes are
 *                        public by default; add {@code prometheus} for a scraper that can't send a bearer token.
 */
@ConfigurationProperties("slotline.operations")
record OperationsProperties(@DefaultValue("health") List<String> publicEndpoints) {

    OperationsProperties {
        publicEndpoints = publicEndpoints.stream()
                .map(id -> id.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    boolean isPublic(String endpoint) {
        return publicEndpoints.contains(endpoint);
    }
}
