package io.slotline.admin;

import io.slotline.tenancy.Language;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.RetellAgent;
import io.slotline.tenancy.RetellAgents;
import io.slotline.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's Retell agents: which agent routes web and test calls to which branch, and which agent answers a
 * number (handed to Retell as {@code override_agent_id} when a call comes in). Agents seen answering the company's
 * numbers are listed as {@code learnt}; configuring one makes it the company's.
 */
@RestController
@RequestMapping(
        path = AdminConfiguration.API_PREFIX + "/companies/{companyId}/retell/agents",
        produces = "application/json")
@Tag(name = "Retell", description = "tool definitions and agents for Retell")
class RetellAgentsController {

    private final RetellAgents agents;
    private final TenantDirectory directory;

    RetellAgentsController(RetellAgents agents, TenantDirectory directory) {
        this.agents = agents;
        this.directory = directory;
    }

    @Schema(name = "RetellAgentRequest")
    record AgentRequest(
            @Schema(description = "the branch its web calls are for; omitted: the company's first branch") @Nullable Long branchId,

            @Schema(description = "only for calls to this number (E.164)", example = "+4930120000") @Nullable String phoneNumber,

            @Schema(description = "only while the company speaks this language (de, en)") @Nullable String language)
            implements AdminRequest {}

    @Schema(name = "RetellAgent")
    record AgentView(
            String agentId,
            long companyId,
            @Nullable Long branchId,
            @Nullable String phoneNumber,
            @Nullable String language,
            boolean learnt) {

        static AgentView of(RetellAgent agent) {
            return new AgentView(
                    agent.agentId(),
                    agent.companyId(),
                    agent.branchId(),
                    agent.e164(),
                    agent.language() == null ? null : agent.language().code(),
                    agent.learnt());
        }
    }

    @GetMapping
    List<AgentView> agents(@PathVariable long companyId) {
        requireCompany(companyId);
        return agents.ofCompany(companyId).stream().map(AgentView::of).toList();
    }

    @PutMapping("/{agentId}")
    @Transactional
    @Operation(
            summary = "Configure a Retell agent for the company (idempotent)",
            description = "Routes the agent's web and test calls to the branch, and makes it the inbound calls' "
                    + "agent for the number, the branch or the whole company (most specific first).")
    AgentView configure(
            @PathVariable long companyId,
            @PathVariable String agentId,
            @RequestBody(required = false) @Nullable AgentRequest request) {
        requireCompany(companyId);
        String id = Fields.text("agentId", agentId, 128);
        AgentRequest r = request == null ? new AgentRequest(null, null, null) : request;
        if (r.branchId() != null && directory.allBranches(companyId).stream().noneMatch(b -> b.id() == r.branchId())) {
            throw AdminException.invalid("branchId", "branch " + r.branchId() + " is not one of this company's");
        }
        String e164 = r.phoneNumber() == null ? null : Fields.e164("phoneNumber", r.phoneNumber());
        if (e164 != null
                && directory.phoneNumber(e164).map(PhoneNumber::companyId).orElse(-1L) != companyId) {
            throw AdminException.invalid("phoneNumber", e164 + " is not one of this company's numbers");
        }
        Language language = r.language() == null ? null : Fields.language("language", r.language());
        RetellAgent agent = new RetellAgent(id, companyId, r.branchId(), e164, language, false);
        if (!agents.configure(agent)) {
            throw AdminException.conflict("agentId", "agent " + id + " is configured for another company");
        }
        return AgentView.of(agents.agent(id).orElse(agent));
    }

    @DeleteMapping("/{agentId}")
    ResponseEntity<Void> remove(@PathVariable long companyId, @PathVariable String agentId) {
        requireCompany(companyId);
        if (!agents.remove(companyId, agentId)) {
            throw AdminException.notFound("agent " + agentId);
        }
        return ResponseEntity.noContent().build();
    }

    private void requireCompany(long companyId) {
        if (directory.companyUncached(companyId).isEmpty()) {
            throw AdminException.notFound("company " + companyId);
        }
    }
}
