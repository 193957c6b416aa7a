package io.slotline.calcom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import io.slotline.observability.AccountTags;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One request to Cal.com and its answer, for {@link HttpCalcomClient}: the URL, the cal-api-version of the endpoint's
 * group, bearer auth, the whole-call deadline (connect timeout + the group's read timeout, headers and body), error
 * classification, the rate-limit headers and the {@code slotline.calcom.requests} timer. What to ask and how to read
 * the answer is the client's.
 */
final class CalcomExchange {

    /** Logged as the client, as before the exchange had a class of its own. */
    private static final Logger log = LoggerFactory.getLogger(HttpCalcomClient.class);

    private static final String API_VERSION_HEADER = "cal-api-version";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CalcomProperties properties;
    private final MeterRegistry registry;
    private final AccountTags accountTags;
    private final HttpClient http;
    private final CalcomRateLimits rateLimits;

    CalcomExchange(
            CalcomProperties properties, MeterRegistry registry, AccountTags accountTags, CalcomRateLimits rateLimits) {
        this.properties = properties;
        this.registry = registry;
        this.accountTags = accountTags;
        this.rateLimits = rateLimits;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @FunctionalInterface
    interface ResponseMapper<T> {
        T map(JsonNode root);
    }

    <T> T call(
            CalcomAccount account,
            Endpoint endpoint,
            String method,
            String path,
            Map<String, String> query,
            @Nullable JsonNode body,
            ResponseMapper<T> mapper) {
        HttpRequest request = buildRequest(account, endpoint, method, path, query, body);
        Duration deadline = properties.connectTimeout().plus(properties.readTimeout(endpoint.group()));
        long startNanos = registry.config().clock().monotonicTime();
        HttpResponse<byte[]> response;
        try {
            response = send(request, deadline);
        } catch (HttpTimeoutException | TimeoutException e) {
            throw failure(
                    account,
                    endpoint,
                    startNanos,
                    "timeout",
                    Kind.TIMEOUT,
                    "no answer in time (read timeout "
                            + properties.readTimeout(endpoint.group()).toMillis() + " ms)",
                    e);
        } catch (IOException e) {
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, "interrupted", e);
        } catch (RuntimeException e) {
            throw failure(account, endpoint, startNanos, "io_error", Kind.IO_ERROR, e.toString(), e);
        }
        int status = response.statusCode();
        record(account, endpoint, startNanos, String.valueOf(status));
        rateLimits.observe(account.name(), response.headers(), status);
        String requestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        if (status < 200 || status > 299) {
            CalcomException error = CalcomErrors.fromResponse(
                    account.name(),
                    endpoint,
                    status,
                    response.body(),
                    requestId,
                    CalcomRateLimits.resetSeconds(response.headers()));
            logFailure(error);
            throw error;
        }
        try {
            byte[] bytes = response.body();
            JsonNode root = bytes.length == 0 ? MissingNode.getInstance() : CalcomJson.MAPPER.readTree(bytes);
            if ("error".equals(CalcomJson.text(root, "status"))) {
                throw new CalcomJson.MalformedResponse("error envelope with HTTP " + status);
            }
            return mapper.map(root);
        } catch (CalcomException e) {
            throw e;
        } catch (RuntimeException e) {
            Origin origin = new Origin(account.name(), endpoint.tag(), status, null, requestId);
            CalcomException error = new CalcomException.Unavailable(
                    origin, Kind.MALFORMED_RESPONSE, "unreadable response: " + e.getMessage(), e);
            logFailure(error);
            throw error;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, Duration deadline)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new IOException("request cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause != null ? cause.toString() : "request failed", cause);
        }
    }

    private HttpRequest buildRequest(
            CalcomAccount account,
            Endpoint endpoint,
            String method,
            String path,
            Map<String, String> query,
            @Nullable JsonNode body) {
        URI base = account.baseUrl() != null ? account.baseUrl() : properties.baseUrl();
        String baseText = base.toString().replaceAll("/+$", "");
        String uri = baseText + path + (query.isEmpty() ? "" : "?" + queryString(query));
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new CalcomException.Unavailable(
                    Origin.of(account.name(), endpoint.tag()),
                    Kind.IO_ERROR,
                    "invalid Cal.com URL for account: " + e.getMessage(),
                    e);
        }
        builder.timeout(properties.readTimeout(endpoint.group()))
                .header(API_VERSION_HEADER, properties.apiVersion(endpoint.group()))
                .header("Authorization", "Bearer " + account.apiKey())
                .header("User-Agent", properties.userAgent())
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(CalcomJson.MAPPER.writeValueAsBytes(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private CalcomException failure(
            CalcomAccount account,
            Endpoint endpoint,
            long startNanos,
            String statusTag,
            Kind kind,
            String message,
            Throwable cause) {
        record(account, endpoint, startNanos, statusTag);
        CalcomException error =
                new CalcomException.Unavailable(Origin.of(account.name(), endpoint.tag()), kind, message, cause);
        logFailure(error);
        return error;
    }

    private void record(CalcomAccount account, Endpoint endpoint, long startNanos, String statusTag) {
        long elapsed = registry.config().clock().monotonicTime() - startNanos;
        Timer.builder("slotline.calcom.requests")
                .description("Requests to Cal.com")
                .tag("account", accountTags.tag(account.name()))
                .tag("endpoint", endpoint.tag())
                .tag("status", statusTag)
                .register(registry)
                .record(elapsed, TimeUnit.NANOSECONDS);
        UpstreamCounter.recordCall(elapsed);
    }

    private static void logFailure(CalcomException error) {
        if (error instanceof CalcomException.Unavailable || error instanceof CalcomException.Unauthorized) {
            log.warn("{}", error.getMessage());
        } else {
            log.debug("{}", error.getMessage());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null && !message.isBlank() ? ": " + message : "");
    }

    /** Keeps '/' and ':' readable (both legal in a query), so requests look like Cal.com's own examples. */
    static String queryString(Map<String, String> params) {
        List<String> pairs = new ArrayList<>(params.size());
        params.forEach((name, value) -> pairs.add(encode(name) + "=" + encodeQueryValue(value)));
        return String.join("&", pairs);
    }

    private static String encodeQueryValue(String value) {
        return encode(value).replace("%2F", "/").replace("%3A", ":").replace("%2C", ",");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
