package io.slotline.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Asynchronous JDK client: one connection per outstanding request as needed, nothing ever queues behind a reply. */
public final class JdkHttpTransport implements Transport {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration requestTimeout;

    public JdkHttpTransport(HttpClient client, String baseUrl, Duration requestTimeout) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public CompletableFuture<HttpReply> send(OutgoingRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new HttpReply(response.statusCode(), response.body()));
    }
}
