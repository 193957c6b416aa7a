package io.slotline.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies accepted, by route; larger ones get 413 before they are read. Retell's routes are limited
 * by {@code slotline.retell.max-body-bytes}, where the signature is checked over the raw bytes.
 *
 * @param calcomWebhookBody {@code /calcom/webhook}: one booking event (Cal.com's are a few KiB)
 * @param adminBody         {@code /admin/api/**}: a whole tenant file at most
 * @param otherBody         everything else (no other route reads a body)
 */
@ConfigurationProperties("slotline.limits")
record EdgeProperties(
        @DefaultValue("1MB") DataSize calcomWebhookBody,
        @DefaultValue("5MB") DataSize adminBody,
        @DefaultValue("64KB") DataSize otherBody) {

    EdgeProperties {
        for (DataSize size : new DataSize[] {calcomWebhookBody, adminBody, otherBody}) {
            if (size.isNegative() || size.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("slotline.limits.* must be between 0 and 2 GB");
            }
        }
    }

    long limitFor(String path) {
        if (path.startsWith("/calcom/")) {
            return calcomWebhookBody.toBytes();
        }
        if (path.startsWith("/admin/")) {
            return adminBody.toBytes();
        }
        return otherBody.toBytes();
    }
}
