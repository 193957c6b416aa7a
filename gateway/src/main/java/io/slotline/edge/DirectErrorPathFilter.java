package io.slotline.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error} is the container's page for failed requests; asked for directly it has no error to describe and
 * would answer 500. A direct request gets 404 like any unknown path; error dispatches are not filtered.
 */
final class DirectErrorPathFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    DirectErrorPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error;")) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("error", "not_found", "message", "no such resource"));
            return;
        }
        chain.doFilter(request, response);
    }
}
