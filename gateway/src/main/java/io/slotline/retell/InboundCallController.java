package io.slotline.retell;

import io.slotline.calls.CallIncoming;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.functions.ContextVariables;
import io.slotline.observability.Masking;
import io.slotline.tenancy.RetellAgents;
import io.slotline.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Retell's inbound-call webhook: the phone rings while we answer, so this is one indexed lookup per number plus the
 * caller, and the availability cache is warmed in the background for the call about to start. The answer names the
 * agent (a configured one, {@link RetellAgents#inboundAgent}), hands it the context as dynamic variables and tags
 * the call's metadata with company and branch.
 */
@RestController
class InboundCallController {

    private static final Logger log = LoggerFactory.getLogger(InboundCallController.class);

    private final ContextVariables variables;
    private final Customers customers;
    private final RetellProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final RetellAgents agents;

    InboundCallController(
            ContextVariables variables,
            Customers customers,
            RetellProperties properties,
            ApplicationEventPublisher publisher,
            Clock clock,
            RetellAgents agents) {
        this.agents = agents;
        this.variables = variables;
        this.customers = customers;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping(path = "/retell/inbound", produces = "application/json")
    Map<String, Object> inbound(HttpServletRequest request) {
        VerifiedRetellRequest verified = VerifiedRetellRequest.from(request);
        JsonNode body = verified.json();
        JsonNode inbound = body == null ? null : body.get("call_inbound");
        if (inbound == null || !inbound.isObject()) {
            throw new RetellRequestException("invalid_inbound", "body must carry a \"call_inbound\" object");
        }
        TenantContext tenant = verified.tenant();
        if (tenant == null) {
            log.warn(
                    "inbound call to {} which no tenant serves",
                    Masking.phone(RetellPayloads.text(inbound, "to_number")));
            return properties.fallbackAgentId() != null
                    ? Map.of("call_inbound", Map.of("override_agent_id", properties.fallbackAgentId()))
                    : Map.of("call_inbound", Map.of("reject", true));
        }
        publisher.publishEvent(new CallIncoming(tenant));
        String caller = RetellPayloads.e164OrNull(RetellPayloads.text(inbound, "from_number"));
        Optional<Customer> customer = caller == null
                ? Optional.empty()
                : whileDatabaseAway(
                        () -> customers.findByPhone(tenant.companyId(), caller), "as from an unknown caller");
        Map<String, Object> answer = new LinkedHashMap<>();
        // the number's agent is set up here, not by hand in Retell: per number, branch or company and language
        whileDatabaseAway(() -> agents.inboundAgent(tenant), "the number's own agent in Retell answers")
                .ifPresent(agentId -> answer.put("override_agent_id", agentId));
        answer.put(
                "dynamic_variables",
                variables.of(tenant.company(), tenant.branch(), customer.orElse(null), clock.instant()));
        answer.put(
                "metadata",
                Map.of(
                        "slotline_company",
                        tenant.company().slug(),
                        "slotline_branch",
                        Long.toString(tenant.branchId())));
        return Map.of("call_inbound", answer);
    }

    /** With the database away the call is still put through: without what the database would have added. */
    private static <T> Optional<T> whileDatabaseAway(Supplier<Optional<T>> lookup, String instead) {
        try {
            return lookup.get();
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            log.warn("Database unavailable, inbound call put through ({}): {}", instead, databaseAway.getMessage());
            return Optional.empty();
        }
    }
}
