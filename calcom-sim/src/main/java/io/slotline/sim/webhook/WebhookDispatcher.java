package io.slotline.sim.webhook;

import io.slotline.sim.calendar.Booking;
import io.slotline.sim.calendar.CalendarStore;
import io.slotline.sim.calendar.EventType;
import io.slotline.sim.calendar.Host;
import io.slotline.sim.web.Json;
import io.slotline.sim.web.RequestStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends booking webhooks to matching subscribers through the JDK HttpClient, asynchronously (the API answer never
 * waits for a subscriber) and without retries, like Cal.com's direct send path.
 */
public final class WebhookDispatcher {

    public static final String SIGNATURE_HEADER = "X-Cal-Signature-256";
    public static final String VERSION_HEADER = "X-Cal-Webhook-Version";
    public static final String WEBHOOK_VERSION = "2021-10-20";
    public static final String NO_SECRET = "no-secret-provided";
    private static final int KEPT_DELIVERIES = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** One attempted send; {@code status} is null while in flight or when the send failed ({@code error}). */
    public record Delivery(
            String trigger,
            String bookingUid,
            String subscriptionId,
            String subscriberUrl,
            Instant sentAt,
            @Nullable Integer status,
            @Nullable String error) {}

    private final WebhookSubscriptions subscriptions;
    private final CalendarStore store;
    private final Clock clock;
    private final RequestStats stats;
    private final HttpClient client;
    private final Duration timeout;
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();

    public WebhookDispatcher(
            WebhookSubscriptions subscriptions,
            CalendarStore store,
            Clock clock,
            RequestStats stats,
            HttpClient client,
            Duration timeout) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.clock = clock;
        this.stats = stats;
        this.client = client;
        this.timeout = timeout;
    }

    /** BOOKING_REQUESTED instead of BOOKING_CREATED for a booking that waits for the host's confirmation. */
    public void bookingCreated(Booking booking) {
        String trigger = Booking.PENDING.equals(booking.status()) ? "BOOKING_REQUESTED" : "BOOKING_CREATED";
        dispatch(
                trigger,
                booking,
                WebhookPayloads.created(trigger, booking, eventType(booking), host(booking), clock.instant()));
    }

    public void bookingCancelled(Booking booking) {
        dispatch(
                "BOOKING_CANCELLED",
                booking,
                WebhookPayloads.cancelled(booking, eventType(booking), host(booking), clock.instant()));
    }

    public void bookingRescheduled(Booking original, Booking booking) {
        dispatch(
                "BOOKING_RESCHEDULED",
                booking,
                WebhookPayloads.rescheduled(original, booking, eventType(booking), host(booking), clock.instant()));
    }

    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public synchronized void clearDeliveries() {
        deliveries.clear();
    }

    /** Lowercase hex HMAC-SHA256 of the raw body, or Cal.com's literal when the subscription has no secret. */
    public static String signature(@Nullable String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            return NO_SECRET;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private void dispatch(String trigger, Booking booking, ObjectNode body) {
        byte[] bytes = Json.bytes(body);
        EventType eventType = eventType(booking);
        for (WebhookSubscription subscription : subscriptions.all()) {
            if (subscription.wants(trigger, booking, eventType)) {
                send(trigger, booking, subscription, bytes);
            }
        }
    }

    private void send(String trigger, Booking booking, WebhookSubscription subscription, byte[] body) {
        Instant sentAt = clock.instant();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(subscription.subscriberUrl()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, signature(subscription.secret(), body))
                    .header(VERSION_HEADER, WEBHOOK_VERSION)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            record(new Delivery(
                    trigger,
                    booking.uid(),
                    subscription.id(),
                    subscription.subscriberUrl(),
                    sentAt,
                    null,
                    "invalid subscriber URL"));
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                log.debug("webhook {} to {} failed: {}", trigger, subscription.subscriberUrl(), failure.toString());
                record(new Delivery(
                        trigger,
                        booking.uid(),
                        subscription.id(),
                        subscription.subscriberUrl(),
                        sentAt,
                        null,
                        failure.getClass().getSimpleName()));
            } else {
                record(new Delivery(
                        trigger,
                        booking.uid(),
                        subscription.id(),
                        subscription.subscriberUrl(),
                        sentAt,
                        response.statusCode(),
                        null));
            }
        });
    }

    private void record(Delivery delivery) {
        stats.recordWebhook(
                delivery.trigger(), delivery.status() != null ? Integer.toString(delivery.status()) : "error");
        synchronized (this) {
            deliveries.addLast(delivery);
            while (deliveries.size() > KEPT_DELIVERIES) {
                deliveries.removeFirst();
            }
        }
    }

    private @Nullable EventType eventType(Booking booking) {
        return store.eventType(booking.eventTypeId()).orElse(null);
    }

    private @Nullable Host host(Booking booking) {
        return store.host(booking.hostId()).orElse(null);
    }
}
