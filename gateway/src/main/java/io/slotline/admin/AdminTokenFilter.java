package io.slotline.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards /admin/api/**: without a configured token the admin API does not exist (404); with one, every request
 * must carry {@code Authorization: Bearer <token>} or is refused (401) before any controller sees it.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final byte @Nullable [] expectedDigest;
    private final JsonMapper json;

    AdminTokenFilter(AdminProperties properties, JsonMapper json) {
        this.expectedDigest = properties.enabled() ? sha256(properties.token()) : null;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expectedDigest == null) {
            AdminProblem.of(HttpStatus.NOT_FOUND, "not_found", null, "no such resource")
                    .write(response, json);
            return;
        }
        String presented = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        // digests have equal length whatever was sent, so the comparison time says nothing about the token
        if (presented == null || !MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slotline-admin\"");
            AdminProblem.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            null,
                            presented == null
                                    ? "Authorization: Bearer <admin token> is required"
                                    : "admin token is not valid")
                    .write(response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    static @Nullable String bearerToken(@Nullable String header) {
        if (header == null
                || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    static byte[] sha256(@Nullable String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
