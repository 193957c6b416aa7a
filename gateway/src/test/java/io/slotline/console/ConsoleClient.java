package io.slotline.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A browser without JavaScript: cookies kept, redirects not followed (tests look at them), forms with CSRF tokens. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Page(int status, String body, @Nullable String location, HttpResponse<String> response) {

        String csrf() {
            Matcher matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF token on the page: " + body);
            }
            return matcher.group(1);
        }

        @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .GET()
                .header("Accept-Language", "en")
                .build());
    }

    /** Posts a form as a browser does: with the CSRF token of the page at {@code formPage}. */
    Page postForm(String formPage, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", get(formPage).csrf());
        return postRaw(path, all);
    }

    Page postRaw(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    Page signIn(String username, String password) {
        return postForm("/console/login", "/console/login", Map.of("username", username, "password", password));
    }

    /** Signs in and fails the test unless it worked. */
    ConsoleClient signedIn(String username, String password) {
        Page page = signIn(username, password);
        if (page.status() != 302 || page.location() == null || page.location().contains("error")) {
            throw new AssertionError("sign-in as " + username + " failed: " + page.status() + " " + page.location());
        }
        return this;
    }

    /** The data of the first server-sent event at {@code path}; the stream is closed afterwards. */
    String firstEvent(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(20))
                .GET()
                .build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("live stream answered " + response.statusCode());
            }
            try (java.util.stream.Stream<String> lines = response.body()) {
                return lines.filter(line -> line.startsWith("data:"))
                        .findFirst()
                        .map(line -> line.substring(5))
                        .orElseThrow();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
