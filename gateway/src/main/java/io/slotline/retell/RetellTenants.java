package io.slotline.retell;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.RetellAgents;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Whose call a Retell request belongs to. A phone call names our number, which decides. A web call (the dashboard's test call, the
 * web SDK) names none: the call's {@code metadata} or dynamic variables may name it ({@code slotline_number}, or
 * {@code slotline_company} with an optional {@code slotline_branch} id, as our inbound answer sets them), else its
 * agent does ({@link RetellAgents}). An "args only" tool call has its headers. The tenant found also chooses the
 * key that must have signed the request, so naming another company's number or agent gets a 401, not its data.
 */
@Component
class RetellTenants {

    private final TenantDirectory directory;
    private final RetellAgents agents;

    RetellTenants(TenantDirectory directory, RetellAgents agents) {
        this.directory = directory;
        this.agents = agents;
    }

    Optional<TenantContext> of(@Nullable JsonNode body, ArgsOnlyHeaders headers) {
        if (body != null && body.isObject()) {
            JsonNode inbound = body.get("call_inbound");
            if (inbound != null && inbound.isObject()) {
                return byNumber(RetellPayloads.text(inbound, "to_number"));
            }
            JsonNode call = body.get("call");
            if (call != null && call.isObject()) {
                return ofCall(call);
            }
            if (body.has("chat")) {
                return Optional.empty();
            }
        }
        return byNumber(headers.agentNumber()).or(() -> byCompany(headers.company(), null));
    }

    /** A phone call is its number's, and only its number's: a number we don't serve is said to be so. */
    private Optional<TenantContext> ofCall(JsonNode call) {
        String number = RetellPayloads.businessNumber(call);
        if (number != null) {
            return byNumber(number);
        }
        return declared(call.get("metadata"))
                .or(() -> declared(call.get("retell_llm_dynamic_variables")))
                .or(() -> Optional.ofNullable(RetellPayloads.text(call, "agent_id"))
                        .flatMap(agents::tenantOf));
    }

    /** A web call created with metadata or dynamic variables naming the business. */
    private Optional<TenantContext> declared(@Nullable JsonNode values) {
        if (values == null || !values.isObject()) {
            return Optional.empty();
        }
        return byNumber(RetellPayloads.text(values, "slotline_number"))
                .or(() -> byCompany(
                        RetellPayloads.text(values, "slotline_company"),
                        RetellPayloads.text(values, "slotline_branch")));
    }

    private Optional<TenantContext> byNumber(@Nullable String number) {
        String e164 = ArgsOnlyHeaders.number(number);
        return e164 == null ? Optional.empty() : directory.byDialledNumber(e164);
    }

    private Optional<TenantContext> byCompany(@Nullable String slug, @Nullable String branchId) {
        if (slug == null) {
            return Optional.empty();
        }
        Optional<Company> company = directory.companyBySlug(slug).filter(Company::active);
        return company.flatMap(c -> (branchId != null && branchId.matches("\\d{1,18}")
                        ? directory.branch(c.id(), Long.parseLong(branchId)).filter(b -> b.active())
                        : directory.defaultBranch(c.id()))
                .map(branch -> new TenantContext(c, branch, null)));
    }

    /**
     * A call to one of our numbers tells which agent serves it: remembered, so that the same agent's web calls find
     * their way. Only from requests whose signature checked out.
     */
    void learnAgent(@Nullable JsonNode body, TenantContext tenant) {
        if (tenant.phoneNumber() == null || body == null || !body.isObject()) {
            return;
        }
        JsonNode source = body.has("call_inbound") ? body.get("call_inbound") : body.get("call");
        String agentId = RetellPayloads.text(source, "agent_id");
        if (agentId != null && agentId.length() <= 128) {
            agents.learn(agentId, tenant);
        }
    }
}
