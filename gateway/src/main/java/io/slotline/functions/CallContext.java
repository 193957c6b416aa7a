package io.slotline.functions;

import io.slotline.customers.Customer;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Everything a function needs to know about the live call, resolved from the request itself: the dialled number's
 * company and branch, the caller (a known customer or not), and the call record. Nothing here waits for a webhook.
 *
 * @param callId        our calls row; {@link #UNRECORDED} while the database can't be reached
 * @param callerNumber  E.164 of the caller, null for anonymous callers and web calls
 * @param toolCallId    Retell's id of this tool invocation, when the transcript carries one
 * @param receivedAt    when the request arrived; "now" for every date computation of this request
 */
public record CallContext(
        Company company,
        Branch branch,
        String retellCallId,
        long callId,
        @Nullable Customer customer,
        @Nullable String callerNumber,
        @Nullable String toolCallId,
        Instant receivedAt) {

    /** No calls row: the database was away when the request came (the caller is then unknown too). */
    public static final long UNRECORDED = 0;

    public long companyId() {
        return company.id();
    }

    /** Whether this call has its row: functions that change something need it, to record what they did. */
    public boolean recorded() {
        return callId != UNRECORDED;
    }

    public ZoneId zone() {
        return branch.timeZone();
    }

    public Language language() {
        return company.language();
    }

    public ZonedDateTime localNow() {
        return receivedAt.atZone(zone());
    }

    public LocalDate today() {
        return localNow().toLocalDate();
    }

    /**
     * Key under which a state-changing function acts once: Retell's tool_call_id is unique per invocation; without
     * it, the same function with the same (canonicalised) arguments in the same call is the same request.
     */
    public String idempotencyKey(String function, String canonicalArgs) {
        String discriminator = toolCallId != null ? "tc:" + toolCallId : "args:" + canonicalArgs;
        // hashed: ids and arguments are unbounded, the key column is not; a call id is only unique per company
        return function + ":" + sha256(company.id() + "|" + retellCallId + "|" + discriminator);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
