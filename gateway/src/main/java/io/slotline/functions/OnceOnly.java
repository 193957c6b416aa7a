package io.slotline.functions;

import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.IdempotencyRecord;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a function that changes state ({@link MutatingFunction}) once per tool call, however often Retell sends it:
 * duplicates in this instance wait for the first attempt's answer, duplicates on other instances find its claim
 * ({@link FunctionIdempotency}) and replay its answer, or hear "in progress" when it is not there by their deadline.
 */
final class OnceOnly {

    /** What a repeated request keeps of its deadline to say "in progress" when the first attempt is still at work. */
    private static final Duration ANSWER_MARGIN = Duration.ofMillis(300);

    private final JsonMapper json;
    private final FunctionIdempotency idempotency;
    /** Duplicates arriving while the first attempt runs in this instance wait for its answer instead of polling. */
    private final ConcurrentMap<String, CompletableFuture<FunctionResult>> inFlight = new ConcurrentHashMap<>();

    OnceOnly(JsonMapper json, FunctionIdempotency idempotency) {
        this.json = json;
        this.idempotency = idempotency;
    }

    /**
     * @param function the function's name
     * @param args     its parsed arguments (with the call, they make the tool call's key)
     * @param act      the function's work, run at most once per key at a time
     */
    FunctionResult run(String function, Object args, CallContext context, Supplier<FunctionResult> act) {
        String key = context.idempotencyKey(function, json.writeValueAsString(args));
        CompletableFuture<FunctionResult> mine = new CompletableFuture<>();
        CompletableFuture<FunctionResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            FunctionResult result = runAcrossInstances(function, context, key, act);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private FunctionResult runAcrossInstances(
            String function, CallContext context, String key, Supplier<FunctionResult> act) {
        // a repeat waits for the first attempt's answer as long as its own deadline allows
        long waitUntil = System.nanoTime()
                + Math.max(0, Deadline.remaining().minus(ANSWER_MARGIN).toNanos());
        Optional<IdempotencyRecord> earlier = idempotency.tryBegin(key, context.companyId(), function);
        while (earlier.isPresent()) {
            // another instance runs the same tool call: its answer is this one's too, once it has it
            Optional<IdempotencyRecord> settled = idempotency.awaitDone(
                    key, context.companyId(), Duration.ofNanos(Math.max(0, waitUntil - System.nanoTime())));
            if (settled.isPresent() && settled.get().done() && settled.get().responseJson() != null) {
                return replay(settled.get().responseJson());
            }
            if (settled.isPresent()) {
                // still running when the caller can wait no longer: say so rather than act twice
                return FunctionResult.notOk(
                        Reason.IN_PROGRESS, Messages.render(MessageKey.REQUEST_IN_PROGRESS, context.language()));
            }
            // that attempt changed nothing (Cal.com down) and let go of the key: this one tries itself
            earlier = idempotency.tryBegin(key, context.companyId(), function);
        }
        FunctionResult result;
        try {
            result = act.get();
        } catch (RuntimeException e) {
            idempotency.delete(key, context.companyId());
            throw e;
        }
        if (isFinal(result)) {
            idempotency.complete(key, context.companyId(), json.writeValueAsString(result));
        } else {
            // nothing changed (Cal.com down): a retry should try again, not replay the failure
            idempotency.delete(key, context.companyId());
        }
        return result;
    }

    /**
     * Answers that say "nothing happened (yet)" or "not settled yet": a retry must act again (and find the outcome)
     * instead of replaying them.
     */
    private static boolean isFinal(FunctionResult result) {
        return switch (result.reason()) {
            case CALCOM_UNAVAILABLE, INTERNAL_ERROR, IN_PROGRESS, PENDING_CONFIRMATION, TEMPORARILY_UNAVAILABLE ->
                false;
            default -> true;
        };
    }

    /** The first attempt's answer; a booking heard again says it is one already made ({@code repeated}). */
    private FunctionResult replay(String responseJson) {
        FunctionResult first = json.readValue(responseJson, FunctionResult.class);
        if (!Boolean.TRUE.equals(first.data().get("booked"))) {
            return first;
        }
        Map<String, @Nullable Object> data = new LinkedHashMap<>(first.data());
        data.put("repeated", true);
        return new FunctionResult(first.ok(), first.message(), first.reason(), data);
    }
}
