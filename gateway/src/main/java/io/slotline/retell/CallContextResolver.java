package io.slotline.retell;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.slotline.calls.Call;
import io.slotline.calls.CallFacts;
import io.slotline.calls.Calls;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.functions.CallContext;
import io.slotline.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Builds a function's call context from the request itself: the call object Retell sends with every function call
 * names both numbers, so nothing waits for call_started (the old system's 5 retries and 1.5 s wait are gone).
 * The call row is created here if the webhook has not arrived yet; the webhook merges into it later.
 */
@Component
class CallContextResolver {

    private static final Logger log = LoggerFactory.getLogger(CallContextResolver.class);

    private final Calls calls;
    private final Customers customers;
    private final Clock clock;
    /** Within one call the row exists after the first function: skip the upsert on the hot path. */
    private final Cache<String, Long> knownCalls = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    CallContextResolver(Calls calls, Customers customers, Clock clock) {
        this.calls = calls;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * With the database away the call is answered anyway, as one without a row and with an unknown caller: what
     * needs neither (availability) is answered as usual, changes are refused (see {@link CallContext#recorded()}).
     */
    CallContext resolve(TenantContext tenant, JsonNode call, String functionName) {
        Instant now = clock.instant();
        String retellCallId = RetellPayloads.callId(call);
        String callerNumber = RetellPayloads.e164OrNull(RetellPayloads.customerNumber(call));
        String toolCallId = RetellPayloads.toolCallId(call, functionName);
        try {
            Optional<Customer> customer =
                    callerNumber == null ? Optional.empty() : customers.findByPhone(tenant.companyId(), callerNumber);
            Long customerId = customer.map(Customer::id).orElse(null);
            String cacheKey = tenant.companyId() + ":" + retellCallId + ":" + customerId;
            Long callId = knownCalls.get(
                    cacheKey,
                    k -> ensureCall(tenant, call, retellCallId, customerId).id());
            return new CallContext(
                    tenant.company(),
                    tenant.branch(),
                    retellCallId,
                    callId,
                    customer.orElse(null),
                    callerNumber,
                    toolCallId,
                    now);
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            log.warn(
                    "Database unavailable, answering call {} without its record: {}",
                    retellCallId,
                    databaseAway.getMessage());
            return new CallContext(
                    tenant.company(),
                    tenant.branch(),
                    retellCallId,
                    CallContext.UNRECORDED,
                    null,
                    callerNumber,
                    toolCallId,
                    now);
        }
    }

    static CallFacts facts(TenantContext tenant, JsonNode call, String retellCallId) {
        return new CallFacts(
                retellCallId,
                tenant.companyId(),
                tenant.branchId(),
                RetellPayloads.text(call, "agent_id"),
                RetellPayloads.text(call, "from_number"),
                RetellPayloads.text(call, "to_number"),
                RetellPayloads.text(call, "direction"),
                RetellPayloads.epochMillis(call, "start_timestamp"));
    }

    private Call ensureCall(TenantContext tenant, JsonNode call, String retellCallId, @Nullable Long customerId) {
        return calls.ensure(facts(tenant, call, retellCallId), customerId);
    }
}
