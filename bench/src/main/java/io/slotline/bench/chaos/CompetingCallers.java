package io.slotline.bench.chaos;

import io.slotline.bench.calls.RetellSigner;
import io.slotline.bench.load.OutgoingRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The "competing callers" fault: callers on both gateways who want the same free time of Anna's at once. */
final class CompetingCallers {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String SALON_NUMBER = "+4930120000";
    private static final String SALON_KEY = "key_demo";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SimulatorCalls simulator;

    CompetingCallers(SimulatorCalls simulator) {
        this.simulator = simulator;
    }

    /**
     * Six callers ask for Anna at the same free time on both gateways at once, then book it: at most one gets it.
     *
     * @return bookings made for that time
     */
    int compete(Balancer balancer, Random random, int round) {
        Instant slot = annaSlot(random, round);
        LocalDate date = slot.atZone(BERLIN).toLocalDate();
        String time = slot.atZone(BERLIN).toLocalTime().toString();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int caller = 0; caller < 6; caller++) {
            String callId = "call_compete_" + round + "_" + caller + "_" + Long.toString(System.nanoTime(), 36);
            String from = "+4917" + (10_000_000 + random.nextInt(89_999_999));
            String name = "Wettbewerb " + round + "-" + caller;
            answers.add(function(
                            balancer,
                            callId,
                            from,
                            "check_availability",
                            Map.of(
                                    "service",
                                    "Herrenhaarschnitt",
                                    "date",
                                    date.toString(),
                                    "time",
                                    time,
                                    "staff",
                                    "Anna"))
                    .thenCompose(ignored -> function(
                            balancer,
                            callId,
                            from,
                            "book_appointment",
                            Map.of(
                                    "service",
                                    "Herrenhaarschnitt",
                                    "date",
                                    date.toString(),
                                    "time",
                                    time,
                                    "staff",
                                    "Anna",
                                    "customer_name",
                                    name)))
                    .thenCompose(booked -> webhook(balancer, callId, from).thenApply(ignored -> booked)));
        }
        int booked = 0;
        for (CompletableFuture<String> answer : answers) {
            try {
                String body = answer.get(60, TimeUnit.SECONDS);
                if (body != null && JSON.readTree(body).path("booked").asBoolean()) {
                    booked++;
                }
            } catch (Exception e) {
                // an unanswered request is counted by the recorder
            }
        }
        return booked;
    }

    private CompletableFuture<String> function(
            Balancer balancer, String callId, String from, String name, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("args", args);
        body.put("call", callObject(callId, from, "ongoing"));
        return send(balancer, "/retell/functions/" + name, JSON.writeValueAsString(body));
    }

    private CompletableFuture<String> webhook(Balancer balancer, String callId, String from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "call_ended");
        body.put("call", callObject(callId, from, "ended"));
        return send(balancer, "/retell/webhook", JSON.writeValueAsString(body));
    }

    private static Map<String, Object> callObject(String callId, String from, String status) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call_type", "phone_call");
        call.put("call_id", callId);
        call.put("agent_id", "agent_chaos");
        call.put("call_status", status);
        call.put("direction", "inbound");
        call.put("from_number", from);
        call.put("to_number", SALON_NUMBER);
        call.put("start_timestamp", System.currentTimeMillis());
        return call;
    }

    private static CompletableFuture<String> send(Balancer balancer, String path, String body) {
        long now = System.currentTimeMillis();
        return balancer.send(new OutgoingRequest(
                        path,
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                RetellSigner.HEADER,
                                RetellSigner.signature(SALON_KEY, body, now))))
                .handle((reply, failure) -> failure == null ? reply.body() : null);
    }

    /** A time Anna is free at, a few days ahead, as Cal.com's slots endpoint says. */
    private Instant annaSlot(Random random, int round) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(3 + round);
        for (int tries = 0; tries < 10; tries++, day = day.plusDays(1)) {
            Instant from = day.atStartOfDay(BERLIN).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1);
            JsonNode data = simulator
                    .getJson(
                            "/v2/slots?eventTypeSlug=herrenhaarschnitt-stylist&username=anna-demo&start=" + from
                                    + "&end=" + to + "&timeZone="
                                    + URLEncoder.encode(BERLIN.getId(), StandardCharsets.UTF_8),
                            "2024-09-04")
                    .path("data")
                    .path(day.toString());
            if (data.size() > 0) {
                return OffsetDateTime.parse(data.get(random.nextInt(data.size()))
                                .path("start")
                                .asString())
                        .toInstant();
            }
        }
        throw new IllegalStateException("Anna has no free time in the next two weeks");
    }
}
