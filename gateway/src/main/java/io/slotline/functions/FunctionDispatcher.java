package io.slotline.functions;

import io.micrometer.core.instrument.Timer;
import io.slotline.availability.CalendarUnavailableException;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.UpstreamCounter;
import io.slotline.calls.FunctionCallLog;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.NewFunctionCall;
import io.slotline.functions.FunctionMetrics.Outcome;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Language;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one function call: finds the handler, parses the arguments into its record, runs it (once, for state
 * changes), and records metrics and the call log. Handlers return speakable answers; this class turns the
 * failures they don't handle into speakable answers too, so the caller never hears silence.
 * <p>
 * Every function answers by its deadline ({@link FunctionProperties}), counted from the request's arrival: the
 * work runs on a worker thread while the request thread waits for it, and a function still working at the deadline
 * (a dependency hangs) is answered with a speakable "too slow" while its work goes on. Handlers that can say
 * something better (book_appointment: "taken down, will be confirmed") read {@link Deadline} and answer first.
 * <p>
 * How arguments are read, bounded and masked for the log is {@link FunctionArguments}'; how a change is made once
 * per tool call, however often it arrives, is {@link OnceOnly}'s.
 */
@Service
public class FunctionDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FunctionDispatcher.class);

    private final Map<String, FunctionHandler<?>> handlers;
    private final JsonMapper json;
    private final OnceOnly onceOnly;
    private final FunctionCallLog callLog;
    private final FunctionMetrics metrics;
    private final Clock clock;
    private final FunctionProperties properties;
    /** No queue: a function waits for its dependencies, never for a thread; the cap only stops a runaway. */
    private final ThreadPoolExecutor workers;

    FunctionDispatcher(
            List<FunctionHandler<?>> handlers,
            JsonMapper json,
            FunctionIdempotency idempotency,
            FunctionCallLog callLog,
            FunctionMetrics metrics,
            Clock clock,
            FunctionProperties properties) {
        SortedMap<String, FunctionHandler<?>> byName = new TreeMap<>();
        for (FunctionHandler<?> handler : handlers) {
            if (byName.put(handler.name(), handler) != null) {
                throw new IllegalStateException("two handlers for function " + handler.name());
            }
        }
        for (String name : properties.deadlines().keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("slotline.functions.deadlines." + name
                        + ": no such function; known: " + String.join(", ", byName.keySet()));
            }
        }
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                0,
                1024,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "slotline-function-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.handlers = byName;
        this.json = FunctionArguments.lenient(json);
        this.onceOnly = new OnceOnly(this.json, idempotency);
        this.callLog = callLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<FunctionHandler<?>> handlers() {
        return List.copyOf(handlers.values());
    }

    public Optional<FunctionHandler<?>> handler(String name) {
        return Optional.ofNullable(handlers.get(name));
    }

    /**
     * Checks the function name and parses the arguments before anything about the call is resolved or stored,
     * so that a bad request leaves no trace but its metric.
     *
     * Arguments the LLM can put right (missing, wrong type) are not refused: the prepared call answers them with a
     * speakable {@code ok:false} when run.
     *
     * @throws FunctionRequestException for an unknown function (HTTP 400)
     */
    public PreparedCall prepare(String name, @Nullable JsonNode args) {
        FunctionHandler<?> handler = handlers.get(name);
        if (handler == null) {
            metrics.record(name, Outcome.CLIENT_ERROR, Reason.UNKNOWN_FUNCTION, Duration.ZERO);
            throw new FunctionRequestException(
                    "unknown_function",
                    "unknown function '" + name + "'; known: " + String.join(", ", handlers.keySet()));
        }
        return prepared(handler, args);
    }

    /** The deadline of a function (see {@link FunctionProperties}). */
    public Duration deadline(FunctionHandler<?> handler) {
        return properties.deadline(handler);
    }

    /** A function call whose name and arguments are known to be fine; {@link #run} it once its call is known. */
    public final class PreparedCall {

        private final Runner runner;

        private PreparedCall(Runner runner) {
            this.runner = runner;
        }

        public FunctionResult run(CallContext context) {
            return runner.run(context.language(), () -> context);
        }

        /**
         * Runs with the call resolved inside the deadline (resolving reads the database, which may be what hangs).
         *
         * @param language for an answer given before the call could be resolved
         */
        public FunctionResult run(Language language, Supplier<CallContext> context) {
            return runner.run(language, context);
        }
    }

    private interface Runner {
        FunctionResult run(Language language, Supplier<CallContext> context);
    }

    private <A> PreparedCall prepared(FunctionHandler<A> handler, @Nullable JsonNode rawArgs) {
        long receivedNanos = System.nanoTime();
        Timer.Sample sample = metrics.start();
        JsonNode args = rawArgs == null || rawArgs.isNull() ? json.createObjectNode() : rawArgs;
        ArgumentCheck.Problem problem;
        Optional<String> tooLong = FunctionArguments.tooLong(args, null);
        if (tooLong.isPresent()) {
            problem = ArgumentCheck.tooLong(tooLong.get(), FunctionArguments.MAX_ARGUMENT_LENGTH);
        } else if (args.isObject()) {
            try {
                A parsed = json.treeToValue(args, handler.argsType());
                return new PreparedCall((language, context) ->
                        runByDeadline(handler, parsed, language, context, sample, receivedNanos));
            } catch (JacksonException e) {
                problem = ArgumentCheck.unreadable(e);
            }
        } else {
            problem = ArgumentCheck.notAnObject();
        }
        return new PreparedCall((language, resolve) -> {
            CallContext context = resolve.get();
            FunctionResult result = problem.answer(context.language());
            Duration took = metrics.record(sample, handler.name(), Outcome.NOT_OK, result.reason());
            logCall(handler.name(), args, context, result, took, 0);
            return result;
        });
    }

    private record Answer(FunctionResult result, Outcome outcome) {}

    private <A> FunctionResult runByDeadline(
            FunctionHandler<A> handler,
            A args,
            Language language,
            Supplier<CallContext> resolve,
            Timer.Sample sample,
            long receivedNanos) {
        long deadlineNanos = receivedNanos + properties.deadline(handler).toNanos();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        CompletableFuture<Void> logged = new CompletableFuture<>();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            workers.execute(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try (Deadline.AutoCloseableScope ignored = Deadline.bind(deadlineNanos)) {
                    work(handler, args, resolve, receivedNanos, answer);
                } catch (Throwable e) {
                    answer.completeExceptionally(e);
                } finally {
                    logged.complete(null);
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            log.error("function {}: no worker thread left", handler.name());
            answer.completeExceptionally(e);
        }
        Answer done;
        try {
            done = answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "function {} missed its deadline of {} ms; answered that it is slow, its work goes on",
                    handler.name(),
                    properties.deadline(handler).toMillis());
            FunctionResult late =
                    FunctionResult.notOk(Reason.DEADLINE, Messages.render(MessageKey.FUNCTION_TOO_SLOW, language));
            metrics.record(sample, handler.name(), Outcome.SERVER_ERROR, late.reason());
            return late;
        } catch (ExecutionException e) {
            log.error("function {} failed before it could answer", handler.name(), e.getCause());
            done = new Answer(
                    FunctionResult.notOk(
                            Reason.INTERNAL_ERROR, Messages.render(MessageKey.CALCOM_UNAVAILABLE, language)),
                    Outcome.SERVER_ERROR);
        }
        metrics.record(sample, handler.name(), done.outcome(), done.result().reason());
        try {
            // the call log is written before the answer leaves, as long as that costs no deadline
            logged.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // answered without waiting for the log line
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done.result();
    }

    /** On the worker: resolve the call, run the handler, hand the answer over, then write the call log. */
    private <A> void work(
            FunctionHandler<A> handler,
            A args,
            Supplier<CallContext> resolve,
            long receivedNanos,
            CompletableFuture<Answer> answer) {
        CallContext context = resolve.get();
        UpstreamCounter upstream = new UpstreamCounter();
        FunctionResult result;
        Outcome outcome;
        try (var scope = upstream.bind()) {
            result = handler instanceof MutatingFunction<A>
                    ? runOnce(handler, args, context)
                    : safely(handler, args, context);
            outcome = result.ok() ? Outcome.OK : Outcome.NOT_OK;
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            log.warn(
                    "function {} in call {}: database unavailable: {}",
                    handler.name(),
                    context.retellCallId(),
                    databaseAway.getMessage());
            result = systemUnavailable(context);
            outcome = Outcome.SERVER_ERROR;
        } catch (RuntimeException e) {
            log.error("function {} failed in call {}", handler.name(), context.retellCallId(), e);
            result = FunctionResult.notOk(
                    Reason.INTERNAL_ERROR, Messages.render(MessageKey.CALCOM_UNAVAILABLE, context.language()));
            outcome = Outcome.SERVER_ERROR;
        }
        answer.complete(new Answer(result, outcome));
        logCall(
                handler.name(),
                args,
                context,
                result,
                Duration.ofNanos(System.nanoTime() - receivedNanos),
                upstream.calls());
    }

    /** Cal.com failures a handler did not turn into an answer still become one. */
    private <A> FunctionResult safely(FunctionHandler<A> handler, A args, CallContext context) {
        try {
            return handler.handle(context, args);
        } catch (CalendarUnavailableException | CalcomException e) {
            log.warn("function {}: Cal.com unavailable: {}", handler.name(), e.getMessage());
            return FunctionResult.notOk(
                    Reason.CALCOM_UNAVAILABLE, Messages.render(MessageKey.CALCOM_UNAVAILABLE, context.language()));
        }
    }

    /** The database is away: said so, and nothing was changed (or, if Cal.com had already acted, reconciled). */
    private static FunctionResult systemUnavailable(CallContext context) {
        return FunctionResult.notOk(
                Reason.TEMPORARILY_UNAVAILABLE, Messages.render(MessageKey.SYSTEM_UNAVAILABLE, context.language()));
    }

    /** A change is made once per tool call ({@link OnceOnly}), and only when it can be recorded. */
    private <A> FunctionResult runOnce(FunctionHandler<A> handler, A args, CallContext context) {
        if (!context.recorded()) {
            // what a change does could not be recorded: it is not made
            return systemUnavailable(context);
        }
        return onceOnly.run(handler.name(), args, context, () -> safely(handler, args, context));
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    private void logCall(
            String function,
            Object args,
            CallContext context,
            FunctionResult result,
            Duration took,
            int upstreamCalls) {
        try {
            callLog.record(new NewFunctionCall(
                    context.companyId(),
                    context.retellCallId(),
                    function,
                    context.toolCallId(),
                    FunctionArguments.masked(json, args),
                    result.ok(),
                    result.ok() ? "ok" : result.reason().wire(),
                    result.message(),
                    (int) Math.min(Integer.MAX_VALUE, took.toMillis()),
                    upstreamCalls));
        } catch (RuntimeException e) {
            // the caller's answer matters more than the log line
            log.warn("could not log function call {} of call {}", function, context.retellCallId(), e);
        }
    }
}
