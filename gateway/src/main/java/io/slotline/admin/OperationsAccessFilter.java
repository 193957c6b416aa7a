package io.slotline.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /actuator/**}: the endpoints listed in {@code slotline.operations.public-endpoints} (health probes
 * by default) are open; metrics, info, Prometheus and the endpoint index need the admin bearer token, and do not
 * exist (404) while no admin token is configured. The probes at {@code /livez} and {@code /readyz} stay open.
 */
final class OperationsAccessFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/actuator";

    private final OperationsProperties operations;
    private final byte @Nullable [] expectedDigest;
    private final JsonMapper json;

    OperationsAccessFilter(OperationsProperties operations, AdminProperties admin, JsonMapper json) {
        this.operations = operations;
        this.expectedDigest = admin.enabled() ? AdminTokenFilter.sha256(admin.token()) : null;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (operations.isPublic(endpoint(request.getRequestURI()))) {
            chain.doFilter(request, response);
            return;
        }
        if (expectedDigest == null) {
            AdminProblem.of(HttpStatus.NOT_FOUND, "not_found", null, "no such resource")
                    .write(response, json);
            return;
        }
        String presented = AdminTokenFilter.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (presented == null || !MessageDigest.isEqual(expectedDigest, AdminTokenFilter.sha256(presented))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slotline-admin\"");
            AdminProblem.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            null,
                            "Authorization: Bearer <admin token> is required")
                    .write(response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    /** "health" for /actuator/health/readiness; "" for the index at /actuator. */
    private static String endpoint(String path) {
        String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        int semicolon = id.indexOf(';');
        return (semicolon < 0 ? id : id.substring(0, semicolon)).toLowerCase(Locale.ROOT);
    }
}
