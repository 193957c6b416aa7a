package io.slotline.bench.chaos;

import io.slotline.bench.load.HttpReply;
import io.slotline.bench.load.OutgoingRequest;
import io.slotline.bench.load.Transport;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a load balancer in front of the gateways does: round robin over the instances it believes up, and a request
 * whose connection is refused goes to another instance (nothing reached the first one, so this is safe for POSTs).
 * A request cut off mid-way (instance killed) is not retried: a real balancer answers 502 then, and so the run
 * counts it as unanswered. Every request is handed to the {@link Recorder}.
 */
final class Balancer implements Transport {

    private final HttpClient client;
    private final AtomicReferenceArray<String> instances;
    private final boolean[] up;
    private final AtomicInteger next = new AtomicInteger();
    private final Duration requestTimeout;
    private final Recorder recorder;

    Balancer(HttpClient client, List<String> baseUrls, Duration requestTimeout, Recorder recorder) {
        this.client = client;
        this.instances = new AtomicReferenceArray<>(baseUrls.toArray(String[]::new));
        this.up = new boolean[baseUrls.size()];
        java.util.Arrays.fill(up, true);
        this.requestTimeout = requestTimeout;
        this.recorder = recorder;
    }

    synchronized void markDown(int instance) {
        up[instance] = false;
    }

    synchronized void markUp(int instance, String baseUrl) {
        instances.set(instance, baseUrl);
        up[instance] = true;
    }

    private synchronized int pick(int avoid) {
        int n = instances.length();
        for (int i = 0; i < n; i++) {
            int candidate = Math.floorMod(next.getAndIncrement(), n);
            if (candidate != avoid && up[candidate]) {
                return candidate;
            }
        }
        return avoid >= 0 ? Math.floorMod(avoid + 1, n) : 0;
    }

    @Override
    public CompletableFuture<HttpReply> send(OutgoingRequest request) {
        long sent = System.nanoTime();
        int first = pick(-1);
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        attempt(request, first).whenComplete((reply, failure) -> {
            if (failure != null && refused(failure)) {
                attempt(request, pick(first))
                        .whenComplete((again, failed) -> finish(result, request, sent, again, failed));
            } else {
                finish(result, request, sent, reply, failure);
            }
        });
        return result;
    }

    private void finish(
            CompletableFuture<HttpReply> result,
            OutgoingRequest request,
            long sent,
            HttpReply reply,
            Throwable failure) {
        recorder.record(request.path(), request.body(), sent, System.nanoTime(), reply, failure);
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(reply);
        }
    }

    private CompletableFuture<HttpReply> attempt(OutgoingRequest request, int instance) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(instances.get(instance) + request.path()))
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new HttpReply(response.statusCode(), response.body()));
    }

    private static boolean refused(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof ConnectException;
    }
}
