package io.slotline.admin;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every admin API error body.
 *
 * @param error   a stable code (invalid_value, missing_value, conflict, not_found, malformed_json, unauthorized, ...)
 * @param field   the request field (JSON property or query parameter) at fault; null when no single field is
 * @param message what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AdminError(String error, @Nullable String field, String message) {
}
