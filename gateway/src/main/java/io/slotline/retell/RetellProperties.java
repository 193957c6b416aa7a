package io.slotline.retell;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiKeys            Retell API keys accepted for every tenant (an agency's own Retell account); each company's
 *                           own Retell key is accepted for calls to its numbers
 * @param verifySignatures   only for local development: off skips signature checks (logged loudly at start-up)
 * @param tenantHeader       for "args only" payloads, which carry no call object: the header naming the dialled number
 * @param tenantQueryParam   the same as a query parameter
 * @param callIdHeader       for "args only" payloads: the header carrying Retell's call id ({{call_id}})
 * @param maxBodyBytes       larger bodies are refused before any parsing
 * @param fallbackAgentId    inbound calls to unknown numbers are handed to this agent; without it they are rejected
 */
@ConfigurationProperties("slotline.retell")
record RetellProperties(@DefaultValue List<String> apiKeys,
                        @DefaultValue("true") boolean verifySignatures,
                        @DefaultValue("X-Slotline-Dialled-Number") String tenantHeader,
                        @DefaultValue("to_number") String tenantQueryParam,
                        @DefaultValue("X-Slotline-Call-Id") String callIdHeader,
                        @DefaultValue("262144") int maxBodyBytes,
                        @Nullable String fallbackAgentId) {
}
