package io.slotline.admin;

import io.slotline.calcom.CalcomException;
import io.slotline.secrets.SecretDecryptionException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of an admin request into {@link AdminProblem problem details} with a 4xx (or 502 for
 * Cal.com).
 * Messages never echo submitted values of the wrong type: the field could be a secret.
 */
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    /** Unique constraints the admin API can run into, by the field that names the clash. */
    private static final Map<String, String> CONSTRAINT_FIELDS = Map.of(
            "uq_phone_numbers_e164", "e164",
            "uq_branches_company_name", "name",
            "uq_services_company_name", "name",
            "uq_staff_company_name", "name",
            "companies_slug", "slug");

    @ExceptionHandler(AdminException.class)
    ResponseEntity<ProblemDetail> admin(AdminException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return badRequest("unknown_field", field, "unknown property '" + field + "'");
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return badRequest("invalid_value", field, field + " must be " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof JacksonException json && json.getLocation() != null) {
            return badRequest(
                    "malformed_json",
                    null,
                    "body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr() + ")");
        }
        return badRequest("malformed_json", null, "body must be a JSON object");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        return badRequest("invalid_value", e.getName(), e.getName() + " must be " + describe(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return badRequest("missing_value", e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                null,
                "send Content-Type: application/json (tenant files: application/yaml as well)");
    }

    /** A concurrent request won the race the up-front checks could not see. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        String text = String.valueOf(
                        NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                .toLowerCase(Locale.ROOT);
        String field = CONSTRAINT_FIELDS.entrySet().stream()
                .filter(entry -> text.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                field,
                field == null ? "the change clashes with existing data" : field + " is already taken");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.warn(
                "admin request violated a database constraint: {}",
                e.getMostSpecificCause().getClass().getName());
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                null,
                "the change contradicts stored data (a referenced row is missing or belongs to another company)");
    }

    /** Tenant files and the tenancy specs explain themselves; their messages never contain secrets. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return badRequest("invalid_value", null, String.valueOf(e.getMessage()));
    }

    @ExceptionHandler(SecretDecryptionException.class)
    ResponseEntity<ProblemDetail> undecryptable(SecretDecryptionException e) {
        return problem(
                HttpStatus.CONFLICT,
                "secret_unreadable",
                "calcomApiKey",
                "the stored secret does not decrypt with the configured slotline.secrets.key: set it again");
    }

    @ExceptionHandler(CalcomException.class)
    ResponseEntity<ProblemDetail> calcom(CalcomException e) {
        String error = e instanceof CalcomException.Unauthorized ? "calcom_unauthorized" : "calcom_error";
        String message = e instanceof CalcomException.Unauthorized
                ? "Cal.com rejected the company's API key (HTTP " + e.httpStatus() + ")"
                : "Cal.com could not answer: " + e.getMessage();
        return problem(HttpStatus.BAD_GATEWAY, error, "calcomApiKey", message);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String error, @Nullable String field, String detail) {
        return problem(HttpStatus.BAD_REQUEST, error, field, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String error, @Nullable String field, String detail) {
        return ResponseEntity.status(status).body(AdminProblem.of(status, error, field, detail));
    }

    /** {@code policies.cancellationFees[0].feeCents} */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
