package io.slotline.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every admin API error body: problem details (RFC 9457, {@code application/problem+json}) with {@code status},
 * {@code title} (the status's phrase) and {@code detail} (what is wrong, for a person), no {@code type} (that is
 * {@code about:blank}: the status says what kind of problem it is), and two members of our own: {@code error}, a
 * stable code (invalid_value, missing_value, conflict, not_found, malformed_json, unauthorized, ...), and
 * {@code field}, the request field (JSON property or query parameter) at fault, null when no single field is.
 */
final class AdminProblem extends ProblemDetail {

    private final String error;
    private final @Nullable String field;

    private AdminProblem(HttpStatus status, String error, @Nullable String field, String detail) {
        super(status.value());
        setTitle(status.getReasonPhrase());
        setDetail(detail);
        this.error = error;
        this.field = field;
    }

    static AdminProblem of(HttpStatus status, String error, @Nullable String field, String detail) {
        return new AdminProblem(status, error, field, detail);
    }

    public String getError() {
        return error;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public @Nullable String getField() {
        return field;
    }

    /** For the filters, which answer before Spring MVC does: the same body as the controllers' errors. */
    void write(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), this);
    }
}
