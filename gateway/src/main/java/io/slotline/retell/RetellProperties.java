package io.slotline.retell;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param apiKeys            Retell API keys accepted for every tenant (an agency's own Retell account); each company's
 *                           own Retell key is accepted for calls to its numbers
 * @param verifySignatures   only for local development: off skips signature checks (logged loudly at start-up)
 * @param tenantHeader       for "args only" payloads, which carry no call object: the header naming our number
 *                           ({{agent_number}}: the dialled one on inbound calls)
 * @param tenantQueryParam   the same as a query parameter
 * @param callIdHeader       for "args only" payloads: the header carrying Retell's call id ({{call_id}})
 * @param callerHeader       for "args only" payloads: the caller's number ({{user_number}})
 * @param directionHeader    for "args only" payloads: inbound or outbound ({{direction}}); inbound when absent
 * @param companyHeader      for "args only" payloads without numbers (web calls): the company's slug
 * @param maxBodyBytes       larger bodies are refused before they are read (413). A call object carries the whole
 *                           word-timed transcript in four forms, about 1 MB for a 40-minute call, and Retell allows
 *                           calls of up to two hours (about 3 MB)
 * @param fallbackAgentId    inbound calls to unknown numbers are handed to this agent; without it they are rejected
 */
@ConfigurationProperties("slotline.retell")
record RetellProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue("true") boolean verifySignatures,
        @DefaultValue("X-Slotline-Dialled-Number") String tenantHeader,
        @DefaultValue("to_number") String tenantQueryParam,
        @DefaultValue("X-Slotline-Call-Id") String callIdHeader,
        @DefaultValue("X-Slotline-Caller-Number") String callerHeader,
        @DefaultValue("X-Slotline-Direction") String directionHeader,
        @DefaultValue("X-Slotline-Company") String companyHeader,
        @DefaultValue("8MB") DataSize maxBodyBytes,
        @Nullable String fallbackAgentId) {}
