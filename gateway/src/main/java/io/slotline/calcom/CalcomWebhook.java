package io.slotline.calcom;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A webhook subscription as Cal.com lists it (WebhookOutput); the secret is never read back. */
public record CalcomWebhook(
        String id,
        String subscriberUrl,
        List<String> triggers,
        boolean active,
        @Nullable Long eventTypeId) {

    public CalcomWebhook {
        triggers = List.copyOf(triggers);
    }
}
