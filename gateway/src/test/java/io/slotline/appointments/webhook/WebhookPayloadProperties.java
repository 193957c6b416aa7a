package io.slotline.appointments.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.CalcomWebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any body a Cal.com webhook could carry is either refused as malformed or insane (a 400 naming the field), or
 * safe to store: ids fit their columns, times lie near now and in order.
 */
class WebhookPayloadProperties {

    private static final Instant NOW = Instant.parse("2026-11-16T07:00:00Z");

    @Property(tries = 500)
    void aWebhookIsRefusedOrFitsEverythingItIsStoredIn(@ForAll("payloads") String body) {
        CalcomWebhookEvent event;
        try {
            event = CalcomWebhookEvent.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (CalcomWebhookEvent.MalformedPayload refused) {
            return;
        }
        Optional<WebhookSanity.Problem> problem = WebhookSanity.check(event, NOW);
        if (problem.isPresent()) {
            assertThat(problem.get().message())
                    .startsWith(problem.get().field())
                    .doesNotContain("java.");
            return;
        }
        assertThat(event.trigger()).isNotEqualTo(CalcomWebhookEvent.Trigger.UNKNOWN);
        if (event.uid() != null) {
            assertThat(event.uid()).hasSizeBetween(1, 128).doesNotContainAnyWhitespaces();
        }
        if (event.start() != null) {
            assertThat(event.start()).isBetween(NOW.minus(Duration.ofDays(366)), NOW.plus(Duration.ofDays(732)));
        }
        if (event.start() != null && event.end() != null) {
            assertThat(event.end()).isAfter(event.start());
        }
        event.attendees().forEach(person -> {
            if (person.name() != null) {
                assertThat(person.name()).hasSizeLessThanOrEqualTo(200);
            }
            if (person.phoneNumber() != null) {
                assertThat(person.phoneNumber()).hasSizeLessThanOrEqualTo(32);
            }
        });
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> times = Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(-4_000_000_000L, 400_000_000_000L)
                        .map(seconds -> Instant.ofEpochSecond(seconds).toString()),
                Arbitraries.longs()
                        .between(-400L * 86_400, 1_000L * 86_400)
                        .map(seconds -> NOW.plusSeconds(seconds).toString()),
                Arbitraries.strings().ofMaxLength(30).map(text -> text.replace("\"", "")));
        Arbitrary<String> texts = Arbitraries.strings()
                .ofMaxLength(300)
                .map(text -> text.replace("\\", "").replace("\"", ""));
        Arbitrary<String> triggers = Arbitraries.oneOf(
                Arbitraries.of(CalcomWebhookEvent.Trigger.class).map(Enum::name), texts);
        return Combinators.combine(triggers, texts, times, times, texts, texts)
                .as((trigger, uid, start, end, name, phone) ->
                        """
                        {"triggerEvent":"%s","createdAt":"%s","payload":{"uid":"%s","eventTypeId":1001,
                         "startTime":"%s","endTime":"%s","status":"ACCEPTED","organizer":{"username":"anna-demo"},
                         "attendees":[{"name":"%s","phoneNumber":"%s"}]}}""".formatted(trigger, start, uid, start, end, name, phone));
    }
}
