package io.slotline.bench.load;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends each request at its intended time without waiting for any other request, and measures latency from
 * that intended time (not from the moment the generator got round to sending). A stalled server or a lagging
 * generator therefore shows up in the numbers instead of silently thinning the load (coordinated omission).
 */
public final class OpenLoopDriver {

    private final Scheduler scheduler;
    private final Ticker ticker;
    private final Transport transport;
    private final LatencyBook book;

    public OpenLoopDriver(Scheduler scheduler, Ticker ticker, Transport transport, LatencyBook book) {
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.transport = transport;
        this.book = book;
    }

    public long now() {
        return ticker.nanoTime();
    }

    /**
     * Schedules one request for {@code intendedNanos} (ticker time). The request is built only when it is sent, so
     * its signature timestamp is fresh and it can carry what earlier replies said. The returned future never
     * completes exceptionally: failures are part of the {@link Exchange}.
     */
    public CompletableFuture<Exchange> send(
            String metric,
            long intendedNanos,
            Supplier<OutgoingRequest> request,
            Function<HttpReply, Outcome> classifyAnswer) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        long delay = Math.max(0, intendedNanos - ticker.nanoTime());
        scheduler.schedule(() -> fire(metric, intendedNanos, request, classifyAnswer, result), delay);
        return result;
    }

    private void fire(
            String metric,
            long intendedNanos,
            Supplier<OutgoingRequest> request,
            Function<HttpReply, Outcome> classifyAnswer,
            CompletableFuture<Exchange> result) {
        long sent = ticker.nanoTime();
        CompletableFuture<HttpReply> reply;
        try {
            reply = transport.send(request.get());
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, failure) -> {
            long completed = ticker.nanoTime();
            Exchange exchange;
            if (failure != null) {
                Throwable cause = unwrap(failure);
                Outcome outcome = cause instanceof HttpTimeoutException ? Outcome.TIMEOUT : Outcome.IO_ERROR;
                exchange = new Exchange(metric, null, cause, outcome, intendedNanos, sent, completed);
            } else {
                Outcome outcome = answer.successful() ? classify(classifyAnswer, answer) : Outcome.HTTP_ERROR;
                exchange = new Exchange(metric, answer, null, outcome, intendedNanos, sent, completed);
            }
            book.record(exchange);
            result.complete(exchange);
        });
    }

    private static Outcome classify(Function<HttpReply, Outcome> classifyAnswer, HttpReply answer) {
        try {
            return classifyAnswer.apply(answer);
        } catch (RuntimeException e) {
            // an unreadable 2xx body is the gateway's fault, not a business "no"
            return Outcome.HTTP_ERROR;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
