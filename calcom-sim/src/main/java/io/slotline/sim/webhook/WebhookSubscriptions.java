package io.slotline.sim.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Webhook subscriptions, shared by {@code POST /v2/webhooks} and {@code POST /_sim/webhooks}. */
public final class WebhookSubscriptions {

    private final Map<String, WebhookSubscription> byId = new LinkedHashMap<>();

    public synchronized void add(WebhookSubscription subscription) {
        byId.put(subscription.id(), subscription);
    }

    public synchronized List<WebhookSubscription> all() {
        return List.copyOf(byId.values());
    }

    public synchronized List<WebhookSubscription> ownedBy(@Nullable String ownerKey) {
        return byId.values().stream()
                .filter(s -> ownerKey != null && ownerKey.equals(s.ownerKey()))
                .toList();
    }

    public synchronized Optional<WebhookSubscription> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized boolean remove(String id) {
        return byId.remove(id) != null;
    }

    public synchronized void clear() {
        byId.clear();
    }
}
