package io.slotline.retell;

import io.slotline.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Retell request whose signature checked out: its JSON without the transcripts ({@link CallJson}; null when
 * malformed) and the tenant it belongs to (null when it names none we know).
 */
record VerifiedRetellRequest(
        @Nullable JsonNode json, @Nullable TenantContext tenant) {

    static final String ATTRIBUTE = VerifiedRetellRequest.class.getName();

    static VerifiedRetellRequest from(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        if (value instanceof VerifiedRetellRequest verified) {
            return verified;
        }
        throw new IllegalStateException("Retell request reached a controller without passing signature verification");
    }
}
