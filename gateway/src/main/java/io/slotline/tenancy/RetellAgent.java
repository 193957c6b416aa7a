package io.slotline.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * A Retell agent of a company. Web and test calls name only their agent, so the agent routes them: to its branch,
 * or the company's first branch. A configured agent is also handed to Retell as the inbound call's
 * {@code override_agent_id}, the most specific match first: for its number, its branch, the whole company; one
 * for the company's language before one for any language.
 *
 * @param e164     the number this agent answers, when it is meant for one number only
 * @param language the language this agent speaks, when the company has agents for several
 * @param learnt   seen answering one of the company's numbers (never an override, only a route)
 */
public record RetellAgent(
        String agentId,
        long companyId,
        @Nullable Long branchId,
        @Nullable String e164,
        @Nullable Language language,
        boolean learnt) {}
