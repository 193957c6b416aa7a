package io.slotline.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.bench.load.HttpReply;
import io.slotline.bench.load.LatencyBook;
import io.slotline.bench.load.OpenLoopDriver;
import io.slotline.bench.load.OutgoingRequest;
import io.slotline.bench.load.Scheduler;
import io.slotline.bench.load.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PhoneCallTest {

    /** Wednesday 2026-11-18 09:00 in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T08:00:00Z"), ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.shared();

    private record Sent(long atNanos, OutgoingRequest request) {
        JsonNode body() {
            return JSON.readTree(request.body());
        }
    }

    /** Runs scheduled tasks at once, answering from a script; time only moves by the delays asked for. */
    private static final class ScriptedGateway implements Ticker, Scheduler {
        final List<Sent> sent = new ArrayList<>();
        final Function<OutgoingRequest, String> answers;
        long now;

        ScriptedGateway(Function<OutgoingRequest, String> answers) {
            this.answers = answers;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            now += delayNanos;
            task.run();
        }

        CompletableFuture<HttpReply> send(OutgoingRequest request) {
            sent.add(new Sent(now, request));
            return CompletableFuture.completedFuture(new HttpReply(200, answers.apply(request)));
        }

        List<String> paths() {
            return sent.stream().map(s -> s.request().path()).toList();
        }
    }

    private static CallPlan plan(Intent intent, boolean findNextAfterAlternatives) {
        return new CallPlan(
                7,
                intent,
                Tenant.DEMO_SALON,
                "+4915100000007",
                "Lena Schmidt",
                Tenant.DEMO_SALON.services().get(2),
                "Färben",
                "Anna",
                1,
                false,
                0.99,
                2,
                0.1,
                false,
                findNextAfterAlternatives,
                true,
                3,
                List.of(10.0, 5.0, 4.0, 3.0, 2.0, 2.0),
                5.0,
                60.0,
                10.0);
    }

    private static String slotTakenElseOk(OutgoingRequest request) {
        if (request.path().endsWith("check_availability")) {
            return "{\"ok\":true,\"available\":false,\"message\":\"belegt\"}";
        }
        if (request.path().endsWith("get_alternatives")) {
            return "{\"ok\":true,\"alternatives\":[{\"date\":\"2026-11-19\",\"time\":\"16:30\"}]}";
        }
        return "{\"ok\":true,\"message\":\"ok\"}";
    }

    @Test
    void takenSlotLeadsToAlternativesAndBooksTheOfferedOne() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        BookingLedger ledger = new BookingLedger();
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));

        CallSummary summary = new PhoneCall(plan(Intent.BOOK, false), "call_t_7", driver, CLOCK, 1.0, ledger)
                .start(0)
                .join();

        assertThat(gateway.paths())
                .containsExactly(
                        "/retell/inbound",
                        "/retell/webhook",
                        "/retell/functions/check_availability",
                        "/retell/functions/get_alternatives",
                        "/retell/functions/book_appointment",
                        "/retell/webhook",
                        "/retell/webhook");
        JsonNode booking = gateway.sent.get(4).body();
        assertThat(booking.at("/args/date").asString()).isEqualTo("2026-11-19");
        assertThat(booking.at("/args/time").asString()).isEqualTo("16:30");
        assertThat(booking.at("/args/customer_phone").asString()).isEqualTo("+4915100000007");
        assertThat(booking.at("/args/staff").asString()).isEqualTo("Anna");
        assertThat(summary.booked()).isTrue();
        assertThat(ledger.take(Tenant.DEMO_SALON)).isPresent();
    }

    @Test
    void requestedDateIsTomorrowInTheBusinessZoneOnTheHalfHourGrid() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));

        new PhoneCall(plan(Intent.INQUIRE, true), "call_t_7", driver, CLOCK, 1.0, new BookingLedger())
                .start(0)
                .join();

        JsonNode check = gateway.sent.get(2).body();
        assertThat(check.at("/args/date").asString()).isEqualTo("2026-11-19");
        // quantile 0.99 of Thursday's grid: the last start, half an hour before 18:00
        assertThat(check.at("/args/time").asString()).isEqualTo("17:30");
        assertThat(check.at("/args/service").asString()).isEqualTo("Färben");
        assertThat(gateway.paths())
                .contains("/retell/functions/find_next_available")
                .doesNotContain("/retell/functions/book_appointment");
    }

    @Test
    void everyRequestIsSignedWithTheDialledTenantsKeyAndCarriesTheCall() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));

        new PhoneCall(plan(Intent.BOOK, true), "call_t_7", driver, CLOCK, 1.0, new BookingLedger())
                .start(0)
                .join();

        for (Sent s : gateway.sent) {
            assertThat(s.request().headers().get(RetellSigner.HEADER))
                    .isEqualTo(RetellSigner.signature("key_demo", s.request().body(), CLOCK.millis()));
        }
        JsonNode inbound = gateway.sent.get(0).body();
        assertThat(inbound.at("/event").asString()).isEqualTo("call_inbound");
        assertThat(inbound.at("/call_inbound/to_number").asString()).isEqualTo("+4930120000");
        List<String> events = gateway.sent.stream()
                .filter(s -> s.request().path().equals("/retell/webhook"))
                .map(s -> s.body().at("/event").asString())
                .toList();
        assertThat(events).containsExactly("call_started", "call_ended", "call_analyzed");
        JsonNode analyzed = gateway.sent.get(gateway.sent.size() - 1).body();
        assertThat(analyzed.at("/call/call_status").asString()).isEqualTo("ended");
        assertThat(analyzed.at("/call/call_analysis/call_successful").asBoolean())
                .isTrue();
    }

    @Test
    void toolCallIdsAreUniqueAndTheCurrentInvocationIsLast() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));

        new PhoneCall(plan(Intent.BOOK, true), "call_t_7", driver, CLOCK, 1.0, new BookingLedger())
                .start(0)
                .join();

        Set<String> ids = new HashSet<>();
        for (Sent s : gateway.sent) {
            if (!s.request().path().startsWith("/retell/functions/")) {
                continue;
            }
            JsonNode body = s.body();
            JsonNode transcript = body.at("/call/transcript_with_tool_calls");
            JsonNode last = transcript.get(transcript.size() - 1);
            assertThat(last.path("role").asString()).isEqualTo("tool_call_invocation");
            assertThat(last.path("name").asString()).isEqualTo(body.path("name").asString());
            assertThat(JSON.readTree(last.path("arguments").asString())).isEqualTo(body.path("args"));
            assertThat(body.at("/call/call_id").asString()).isEqualTo("call_t_7");
            assertThat(body.at("/call/call_status").asString()).isEqualTo("ongoing");
            assertThat(ids.add(last.path("tool_call_id").asString())).isTrue();
        }
        assertThat(ids).hasSize(4);
    }

    @Test
    void turnsWaitForTheAnswerPlusScaledThinkTime() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));

        new PhoneCall(plan(Intent.BOOK, false), "call_t_7", driver, CLOCK, 0.1, new BookingLedger())
                .start(0)
                .join();

        // answers are instant here, so each turn starts exactly think x 0.1 after the previous one
        List<Long> functionTimes = gateway.sent.stream()
                .filter(s -> s.request().path().startsWith("/retell/functions/"))
                .map(Sent::atNanos)
                .toList();
        assertThat(functionTimes).containsExactly(1_000_000_000L, 1_500_000_000L, 1_900_000_000L);
        // hang-up after the planned 60 s x 0.1, analysis 10 s x 0.1 later
        long ended = gateway.sent.get(gateway.sent.size() - 2).atNanos();
        long analyzed = gateway.sent.get(gateway.sent.size() - 1).atNanos();
        assertThat(ended).isEqualTo(6_000_000_000L);
        assertThat(analyzed - ended).isEqualTo(1_000_000_000L);
    }

    @Test
    void cancellingCallerCallsBackFromTheNumberThatBooked() {
        ScriptedGateway gateway = new ScriptedGateway(PhoneCallTest::slotTakenElseOk);
        OpenLoopDriver driver = new OpenLoopDriver(gateway, gateway, gateway::send, new LatencyBook(0));
        BookingLedger ledger = new BookingLedger();
        ledger.add(new BookingLedger.Booking(
                Tenant.DEMO_SALON,
                "+4915199999999",
                "Paul Fischer",
                "Färben",
                new SlotTime(java.time.LocalDate.of(2026, 11, 20), java.time.LocalTime.of(11, 0))));

        new PhoneCall(plan(Intent.CANCEL, false), "call_t_8", driver, CLOCK, 1.0, ledger)
                .start(0)
                .join();

        assertThat(gateway.sent.get(0).body().at("/call_inbound/from_number").asString())
                .isEqualTo("+4915199999999");
        JsonNode cancel = gateway.sent.get(2).body();
        assertThat(cancel.path("name").asString()).isEqualTo("cancel_appointment");
        assertThat(cancel.at("/args/date").asString()).isEqualTo("2026-11-20");
        assertThat(cancel.at("/args/time").asString()).isEqualTo("11:00");
        assertThat(cancel.at("/call/from_number").asString()).isEqualTo("+4915199999999");
    }
}
