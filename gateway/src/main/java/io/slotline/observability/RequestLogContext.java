package io.slotline.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every log line of a request the call, company, function and outcome it belongs to (MDC keys
 * {@value #CALL_ID}, {@value #COMPANY}, {@value #FUNCTION}, {@value #OUTCOME}), and writes one access line per
 * request. Handlers fill the keys with the static helpers as soon as they know them; the filter clears them when
 * the request ends, so a pooled thread never carries a previous caller's context.
 *
 * <p>The access line holds method, path (no query string), status and duration only: never headers, which carry
 * Authorization, X-Retell-Signature and X-Cal-Signature-256.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLogContext extends OncePerRequestFilter {

    public static final String CALL_ID = "call_id";
    public static final String COMPANY = "company";
    public static final String FUNCTION = "function";
    public static final String OUTCOME = "outcome";

    private static final List<String> KEYS = List.of(CALL_ID, COMPANY, FUNCTION, OUTCOME);
    private static final int MAX_VALUE_LENGTH = 128;
    private static final String STARTED = RequestLogContext.class.getName() + ".started";
    private static final Logger log = LoggerFactory.getLogger(RequestLogContext.class);

    public static void callId(@Nullable String callId) {
        put(CALL_ID, callId);
    }

    /** @param company the company slug */
    public static void company(@Nullable String company) {
        put(COMPANY, company);
    }

    public static void function(@Nullable String function) {
        put(FUNCTION, function);
    }

    /** @param outcome {@code ok}, or the reason of an answer that is not ok */
    public static void outcome(@Nullable String outcome) {
        put(OUTCOME, outcome);
    }

    /** Removes all four keys; the filter does this itself, call it only from work outside a request. */
    public static void clear() {
        KEYS.forEach(MDC::remove);
    }

    // Values may come from the caller's payload: strip line breaks so nobody can forge log lines.
    private static void put(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
            return;
        }
        String clean = value.replaceAll("[\\r\\n\\t]", "_");
        MDC.put(key, clean.length() > MAX_VALUE_LENGTH ? clean.substring(0, MAX_VALUE_LENGTH) : clean);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isAsyncDispatch(request)) {
            clear();
            request.setAttribute(STARTED, System.nanoTime());
        }
        boolean failed = false;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            // An async request is logged once, when its last dispatch ends.
            if (!isAsyncStarted(request) && !request.getRequestURI().startsWith("/actuator")) {
                // The container turns an escaped exception into a 500 only after this filter has returned.
                int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
                log.info(
                        "{} {} -> {} in {} ms",
                        request.getMethod(),
                        request.getRequestURI(),
                        status,
                        elapsedMillis(request));
            }
            clear();
        }
    }

    private static long elapsedMillis(HttpServletRequest request) {
        return request.getAttribute(STARTED) instanceof Long started
                ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                : -1;
    }
}
