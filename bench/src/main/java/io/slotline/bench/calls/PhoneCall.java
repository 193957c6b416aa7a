package io.slotline.bench.calls;

import io.slotline.bench.load.Exchange;
import io.slotline.bench.load.HttpReply;
import io.slotline.bench.load.OpenLoopDriver;
import io.slotline.bench.load.Outcome;
import io.slotline.bench.load.OutgoingRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One caller, from ringing to the post-call analysis. Turns within the call are sequential (the caller hears
 * the answer, thinks, speaks); each turn's intended send time is the previous answer plus think time, so a slow
 * answer delays the caller but never the other calls. Webhooks run beside the conversation, as Retell sends them.
 */
public final class PhoneCall {

    private static final Function<HttpReply, Outcome> ANY_2XX = reply -> Outcome.OK;

    private final CallPlan plan;
    private final String callId;
    private final OpenLoopDriver driver;
    private final Clock clock;
    private final double timeScale;
    private final BookingLedger ledger;
    private final ZoneId zone;
    private final List<Map<String, Object>> transcript = new ArrayList<>();
    private final List<CompletableFuture<Exchange>> sideRequests = new ArrayList<>();
    private final AtomicInteger turns = new AtomicInteger();
    private final AtomicBoolean booked = new AtomicBoolean();
    private final AtomicBoolean failures = new AtomicBoolean();

    private volatile String callerNumber;
    private volatile String customerName;
    private volatile BookingLedger.@Nullable Booking existing;
    private volatile long startTimestampMillis;

    public PhoneCall(
            CallPlan plan, String callId, OpenLoopDriver driver, Clock clock, double timeScale, BookingLedger ledger) {
        this.plan = plan;
        this.callId = callId;
        this.driver = driver;
        this.clock = clock;
        this.timeScale = timeScale;
        this.ledger = ledger;
        this.zone = plan.tenant().zone();
        this.callerNumber = plan.callerNumber();
        this.customerName = plan.customerName();
    }

    public CompletableFuture<CallSummary> start(long arrivalNanos) {
        return driver.send("call_inbound", arrivalNanos, this::inboundRequest, ANY_2XX)
                .thenCompose(inbound -> {
                    note(inbound);
                    long answeredAt = inbound.completedNanos();
                    startTimestampMillis = clock.millis();
                    side(driver.send(
                            "call_started", answeredAt, () -> webhookRequest("call_started", "ongoing"), ANY_2XX));
                    return conversation(answeredAt).thenCompose(lastAnswer -> hangUp(answeredAt, lastAnswer));
                })
                .thenApply(ignored ->
                        new CallSummary(plan.index(), plan.intent(), turns.get(), booked.get(), failures.get()));
    }

    private CompletableFuture<Long> conversation(long startNanos) {
        return switch (plan.intent()) {
            case BOOK, INQUIRE -> availability(startNanos);
            case CANCEL -> cancel(startNanos);
            case RESCHEDULE -> reschedule(startNanos);
        };
    }

    private CompletableFuture<Long> availability(long after) {
        SlotTime requested = requestedSlot(plan.daysAhead(), plan.timeQuantile());
        if (plan.startsWithFindNext()) {
            return turn("find_next_available", findNextArgs(null), after)
                    .thenCompose(next -> bookIfWanted(offered(next).orElse(requested), next.completedNanos()));
        }
        return turn("check_availability", slotArgs(requested, false), after).thenCompose(check -> {
            if (FunctionReply.of(check.reply()).available()) {
                return bookIfWanted(requested, check.completedNanos());
            }
            return turn("get_alternatives", slotArgs(requested, true), check.completedNanos())
                    .thenCompose(alts -> {
                        Optional<SlotTime> offered = offered(alts);
                        if (offered.isPresent() && !plan.findsNextAfterAlternatives()) {
                            return bookIfWanted(offered.get(), alts.completedNanos());
                        }
                        return turn("find_next_available", findNextArgs(requested.date()), alts.completedNanos())
                                .thenCompose(next -> bookIfWanted(
                                        offered.or(() -> offered(next)).orElse(requested), next.completedNanos()));
                    });
        });
    }

    private CompletableFuture<Long> bookIfWanted(SlotTime slot, long after) {
        if (plan.intent() != Intent.BOOK) {
            return CompletableFuture.completedFuture(after);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", plan.serviceAsSpoken());
        args.put("date", slot.isoDate());
        args.put("time", slot.hourMinute());
        args.put("customer_name", customerName);
        if (plan.givesPhone()) {
            args.put("customer_phone", callerNumber);
        }
        if (plan.staff() != null) {
            args.put("staff", plan.staff());
        }
        return turn("book_appointment", args, after).thenApply(booking -> {
            if (FunctionReply.of(booking.reply()).ok()) {
                booked.set(true);
                ledger.add(new BookingLedger.Booking(
                        plan.tenant(),
                        callerNumber,
                        customerName,
                        plan.service().name(),
                        slot));
            }
            return booking.completedNanos();
        });
    }

    private CompletableFuture<Long> cancel(long after) {
        BookingLedger.@Nullable Booking booking = existing;
        SlotTime slot = booking != null ? booking.slot() : requestedSlot(plan.daysAhead(), plan.timeQuantile());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("date", slot.isoDate());
        args.put("time", slot.hourMinute());
        return turn("cancel_appointment", args, after).thenApply(Exchange::completedNanos);
    }

    private CompletableFuture<Long> reschedule(long after) {
        BookingLedger.@Nullable Booking booking = existing;
        SlotTime from = booking != null ? booking.slot() : requestedSlot(plan.daysAhead(), plan.timeQuantile());
        SlotTime wanted = requestedSlot(plan.rescheduleDaysAhead(), plan.rescheduleTimeQuantile());
        return turn("check_availability", slotArgs(wanted, false), after).thenCompose(check -> {
            if (FunctionReply.of(check.reply()).available()) {
                return moveTo(from, wanted, check.completedNanos());
            }
            return turn("get_alternatives", slotArgs(wanted, true), check.completedNanos())
                    .thenCompose(alts -> moveTo(from, offered(alts).orElse(wanted), alts.completedNanos()));
        });
    }

    private CompletableFuture<Long> moveTo(SlotTime from, SlotTime to, long after) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("date", from.isoDate());
        args.put("time", from.hourMinute());
        args.put("new_date", to.isoDate());
        args.put("new_time", to.hourMinute());
        return turn("reschedule_appointment", args, after).thenApply(moved -> {
            BookingLedger.@Nullable Booking booking = existing;
            if (booking != null && FunctionReply.of(moved.reply()).ok()) {
                ledger.add(new BookingLedger.Booking(
                        booking.tenant(), booking.callerNumber(), booking.customerName(), booking.service(), to));
            }
            return moved.completedNanos();
        });
    }

    private CompletableFuture<Exchange> hangUp(long answeredAt, long lastAnswer) {
        long plannedEnd = answeredAt + seconds(plan.callSeconds());
        long ended = Math.max(plannedEnd, lastAnswer + seconds(plan.closingSeconds()));
        return driver.send("call_ended", ended, () -> webhookRequest("call_ended", "ended"), ANY_2XX)
                .thenCompose(end -> {
                    note(end);
                    return driver.send(
                            "call_analyzed",
                            end.completedNanos() + seconds(plan.analysisDelaySeconds()),
                            () -> webhookRequest("call_analyzed", "ended"),
                            ANY_2XX);
                })
                .thenCompose(analyzed -> {
                    note(analyzed);
                    CompletableFuture<?>[] pending;
                    synchronized (sideRequests) {
                        pending = sideRequests.toArray(CompletableFuture[]::new);
                    }
                    return CompletableFuture.allOf(pending).thenApply(ignored -> analyzed);
                });
    }

    private CompletableFuture<Exchange> turn(String function, Map<String, Object> args, long after) {
        int turn = turns.getAndIncrement();
        long intended = after + seconds(plan.thinkSecondsBefore(turn));
        String toolCallId = "tc_" + callId + "_" + turn;
        return driver.send(
                        function, intended, () -> functionRequest(function, args, toolCallId), FunctionReply::classify)
                .thenApply(exchange -> {
                    note(exchange);
                    remember(toolCallId, exchange);
                    return exchange;
                });
    }

    private Optional<SlotTime> offered(Exchange exchange) {
        return FunctionReply.of(exchange.reply()).firstOfferedSlot(zone);
    }

    private Map<String, Object> slotArgs(SlotTime slot, boolean alternatives) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", plan.serviceAsSpoken());
        args.put("date", slot.isoDate());
        args.put("time", slot.hourMinute());
        if (alternatives) {
            args.put("count", plan.alternativesWanted());
        }
        if (plan.staff() != null) {
            args.put("staff", plan.staff());
        }
        return args;
    }

    private Map<String, Object> findNextArgs(@Nullable LocalDate after) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", plan.serviceAsSpoken());
        if (after != null) {
            args.put("after", after.toString());
        }
        return args;
    }

    /** Resolved when the caller speaks, in the business's zone: "Thursday at three" means this week's Thursday. */
    private SlotTime requestedSlot(int daysAhead, double timeQuantile) {
        LocalDate date = LocalDate.now(clock.withZone(zone)).plusDays(daysAhead);
        while (!plan.acceptsClosedDay() && !plan.tenant().isOpen(date)) {
            date = date.plusDays(1);
        }
        List<Tenant.WeightedTime> grid = plan.tenant().requestedTimes(date);
        double total = grid.stream().mapToDouble(Tenant.WeightedTime::weight).sum();
        double x = timeQuantile * total;
        for (Tenant.WeightedTime candidate : grid) {
            x -= candidate.weight();
            if (x < 0) {
                return new SlotTime(date, candidate.time());
            }
        }
        return new SlotTime(date, grid.get(grid.size() - 1).time());
    }

    private OutgoingRequest inboundRequest() {
        if (plan.intent() == Intent.CANCEL || plan.intent() == Intent.RESCHEDULE) {
            // the gateway finds appointments by the caller's number: call back from the number that booked
            ledger.take(plan.tenant()).ifPresent(booking -> {
                existing = booking;
                callerNumber = booking.callerNumber();
                customerName = booking.customerName();
            });
        }
        String body = RetellPayloads.inbound(
                clock.millis(),
                plan.tenant().agentId(),
                callerNumber,
                plan.tenant().dialledNumber());
        return signed("/retell/inbound", body);
    }

    private OutgoingRequest webhookRequest(String event, String status) {
        Map<String, Object> call = callObject(status);
        long now = clock.millis();
        if (!"ongoing".equals(status)) {
            call.put("end_timestamp", now);
            call.put("duration_ms", Math.max(0, now - startTimestampMillis));
            call.put("disconnection_reason", "user_hangup");
        }
        if ("call_analyzed".equals(event)) {
            Map<String, Object> analysis = new LinkedHashMap<>();
            analysis.put(
                    "call_summary",
                    "Caller " + plan.intent().name().toLowerCase() + " "
                            + plan.service().name());
            analysis.put("call_successful", !failures.get());
            analysis.put("user_sentiment", failures.get() ? "Negative" : "Positive");
            analysis.put("in_voicemail", false);
            call.put("call_analysis", analysis);
        }
        return signed("/retell/webhook", RetellPayloads.webhook(event, call));
    }

    private OutgoingRequest functionRequest(String function, Map<String, Object> args, String toolCallId) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("role", "tool_call_invocation");
        invocation.put("tool_call_id", toolCallId);
        invocation.put("name", function);
        invocation.put("arguments", RetellPayloads.argumentsJson(args));
        synchronized (transcript) {
            transcript.add(utterance("user", "Ich hätte gern einen Termin: " + args.values()));
            transcript.add(invocation);
        }
        return signed("/retell/functions/" + function, RetellPayloads.function(function, args, callObject("ongoing")));
    }

    private Map<String, Object> callObject(String status) {
        synchronized (transcript) {
            return RetellPayloads.call(
                    callId,
                    plan.tenant().agentId(),
                    status,
                    callerNumber,
                    plan.tenant().dialledNumber(),
                    startTimestampMillis,
                    transcript);
        }
    }

    private void remember(String toolCallId, Exchange exchange) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("role", "tool_call_result");
        result.put("tool_call_id", toolCallId);
        String content = exchange.reply() == null ? "" : exchange.reply().body();
        result.put("content", content.length() > 500 ? content.substring(0, 500) : content);
        synchronized (transcript) {
            transcript.add(result);
            transcript.add(utterance("agent", "Einen Moment, ich habe nachgesehen."));
        }
    }

    private static Map<String, Object> utterance(String role, String content) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("role", role);
        entry.put("content", content);
        return entry;
    }

    private OutgoingRequest signed(String path, String body) {
        Map<String, String> headers = Map.of(
                "Content-Type",
                "application/json",
                RetellSigner.HEADER,
                RetellSigner.signature(plan.tenant().apiKey(), body, clock.millis()));
        return new OutgoingRequest(path, body, headers);
    }

    private void side(CompletableFuture<Exchange> request) {
        synchronized (sideRequests) {
            sideRequests.add(request.thenApply(exchange -> {
                note(exchange);
                return exchange;
            }));
        }
    }

    private void note(Exchange exchange) {
        if (exchange.outcome() != Outcome.OK && exchange.outcome() != Outcome.NOT_OK) {
            failures.set(true);
        }
    }

    private long seconds(double realSeconds) {
        return (long) (realSeconds * timeScale * 1e9);
    }
}
