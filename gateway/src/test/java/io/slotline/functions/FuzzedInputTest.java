package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.CalcomWebhookSignature;
import io.slotline.support.RetellClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing over HTTP, as part of the bad-input suite: jqwik generates function arguments (every field
 * of every function, any JSON value in it) and Cal.com webhook payloads (signed with the right secret), from a
 * fresh random source each run, and a failure names the input that caused it. For each: no 5xx, no internals in the answer, nothing stored or changed,
 * no stack trace logged at ERROR. jqwik's own runner drives the unit-level properties
 * ({@code WebhookPayloadProperties}, {@code FunctionArgumentProperties}), which shrink a failure to its core.
 */
@ExtendWith(OutputCaptureExtension.class)
class FuzzedInputTest extends LiveCallTest {

    private static final int FUNCTION_SAMPLES = 400;
    private static final int WEBHOOK_SAMPLES = 150;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FUNCTIONS = List.of(
            "check_availability",
            "get_alternatives",
            "find_next_available",
            "book_appointment",
            "cancel_appointment",
            "reschedule_appointment",
            "get_appointments",
            "check_customer",
            "list_services",
            "get_current_context");

    @Test
    void fuzzedFunctionArgumentsAndWebhooksAreNeverAServerErrorAndChangeNothing(CapturedOutput output) {
        Map<String, Long> before = guarded();
        int logStart = output.getOut().length();
        List<String> failures = new ArrayList<>();

        List<FunctionCallSample> samples =
                functionCalls().sampleStream().limit(FUNCTION_SAMPLES).toList();
        for (int i = 0; i < samples.size(); i++) {
            FunctionCallSample sample = samples.get(i);
            // mutating functions from a withheld number: a fuzzed name and number can't verify anyone
            Call caller =
                    sample.function().contains("cancel") || sample.function().contains("reschedule")
                            ? new Call("anonymous", SALON_NUMBER, SALON_KEY)
                            : salonCall();
            ObjectNode body = JSON.createObjectNode();
            body.put("name", sample.function());
            body.set("args", sample.args());
            body.set("call", caller.callObject("tc_fuzz_" + i, sample.function()));
            byte[] bytes = JSON.writeValueAsBytes(body);
            check(
                    failures,
                    sample.function() + " " + cut(sample.args().toString()),
                    post(
                            "/retell/functions/" + sample.function(),
                            bytes,
                            Map.of(RetellClient.SIGNATURE, retell(port).signature(bytes, SALON_KEY))));
        }
        long processed = 0;
        for (String payload :
                webhookPayloads().sampleStream().limit(WEBHOOK_SAMPLES).toList()) {
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = post(
                    "/calcom/webhook?company=demo-salon",
                    bytes,
                    Map.of(CalcomWebhookSignature.HEADER, CalcomWebhookSignature.sign(bytes, "whsec_demo")));
            check(failures, "webhook " + cut(new String(bytes, StandardCharsets.UTF_8)), answer);
            if (answer.statusCode() == 200 && answer.body().contains("\"outcome\":\"processed\"")) {
                processed++;
            }
        }

        assertThat(failures).isEmpty();
        Map<String, Long> after = guarded();
        // a fuzzed webhook that happens to be a sane, signed event of a known type is a real one: it is recorded
        // (once), and nothing else may change
        long events = before.get("calcom_webhook_events");
        assertThat(after.get("calcom_webhook_events")).isBetween(events, events + processed);
        after.put("calcom_webhook_events", events);
        assertThat(after).isEqualTo(before);
        String log = output.getOut().substring(logStart);
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")).toList())
                .isEmpty();
        assertThat(log).doesNotContain("\tat ");
    }

    record FunctionCallSample(String function, JsonNode args) {}

    /** A function and arguments: some of its own fields (any value in each) and sometimes a stray one. */
    static Arbitrary<FunctionCallSample> functionCalls() {
        return Arbitraries.of(FUNCTIONS).flatMap(function -> {
            List<String> fields = new ArrayList<>(HostileInputTest.fields(function));
            fields.add("unexpected");
            return Arbitraries.maps(Arbitraries.of(fields), FuzzValues.json())
                    .ofMaxSize(fields.size())
                    .map(map -> {
                        ObjectNode args = JSON.createObjectNode();
                        map.forEach(args::set);
                        boolean acts = function.equals("book_appointment") || function.equals("check_availability");
                        if (acts
                                && args.has("service")
                                && List.of("Herrenhaarschnitt", "Färben")
                                        .contains(args.get("service").asString(""))) {
                            // a real service on a closed Sunday: parsed like any other, but nothing is booked or held
                            args.put("date", "2026-11-22");
                        }
                        return new FunctionCallSample(function, args);
                    });
        });
    }

    /** Cal.com webhook payloads: real triggers and shapes with fuzzed ids, times, people and structure. */
    static Arbitrary<String> webhookPayloads() {
        Arbitrary<String> triggers = Arbitraries.oneOf(
                Arbitraries.of(
                        "BOOKING_CREATED",
                        "BOOKING_CANCELLED",
                        "BOOKING_RESCHEDULED",
                        "BOOKING_REQUESTED",
                        "MEETING_ENDED",
                        "PING"),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> times = Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(-4_000_000_000L, 4_000_000_000L)
                        .map(seconds -> Instant.ofEpochSecond(seconds).toString()),
                Arbitraries.of(
                        "+99999-01-01T10:00:00Z", "0000-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "tomorrow", ""),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> uids = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(200),
                Arbitraries.strings().ofMaxLength(50));
        return Combinators.combine(
                        triggers,
                        uids,
                        times,
                        times,
                        FuzzValues.json(),
                        FuzzValues.json(),
                        Arbitraries.integers().between(0, 3))
                .as((trigger, uid, start, end, attendeeName, extra, shape) -> {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("triggerEvent", trigger);
                    root.put("createdAt", start);
                    ObjectNode payload = root.putObject("payload");
                    payload.put("uid", uid);
                    payload.put("eventTypeId", 1001);
                    payload.put("startTime", start);
                    payload.put("endTime", end);
                    payload.put("status", "ACCEPTED");
                    payload.putObject("organizer").put("username", "anna-demo");
                    ObjectNode attendee = payload.putArray("attendees").addObject();
                    attendee.set("name", attendeeName);
                    attendee.put("phoneNumber", "+4917611112222");
                    switch (shape) {
                        case 1 -> payload.set("metadata", extra);
                        case 2 -> payload.set("attendees", extra);
                        case 3 -> root.set("payload", extra);
                        default -> payload.set("responses", extra);
                    }
                    return JSON.writeValueAsString(root);
                });
    }

    private Map<String, Long> guarded() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : HostileInputTest.GUARDED_TABLES) {
            counts.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("simulator bookings", (long) simBookings("cal_demo").size());
        return counts;
    }

    private static void check(List<String> failures, String what, HttpResponse<String> answer) {
        if (answer.statusCode() >= 500) {
            failures.add(what + " -> " + answer.statusCode() + " " + cut(answer.body()));
        }
        for (String internal : List.of("java.", "tools.jackson", "io.slotline", "Exception", "JsonToken")) {
            if (answer.body().contains(internal)) {
                failures.add(what + " -> names " + internal + ": " + cut(answer.body()));
            }
        }
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text) {
        String single = text.replaceAll("[\\r\\n\\x00-\\x1f]", "?");
        return single.length() > 120 ? single.substring(0, 120) + "..." : single;
    }
}
