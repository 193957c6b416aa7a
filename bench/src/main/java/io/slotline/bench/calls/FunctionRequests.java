package io.slotline.bench.calls;

import io.slotline.bench.load.OutgoingRequest;
import java.util.List;
import java.util.Map;

/** A single signed function call as Retell sends it mid-call, for probes that are not whole phone calls. */
public final class FunctionRequests {

    private FunctionRequests() {}

    public static OutgoingRequest function(
            Tenant tenant,
            String callId,
            String callerNumber,
            String function,
            Map<String, Object> args,
            long nowMillis,
            long callStartMillis) {
        String body = RetellPayloads.function(
                function,
                args,
                RetellPayloads.call(
                        callId,
                        tenant.agentId(),
                        "ongoing",
                        callerNumber,
                        tenant.dialledNumber(),
                        callStartMillis,
                        List.of()));
        return new OutgoingRequest(
                "/retell/functions/" + function,
                body,
                Map.of(
                        "Content-Type",
                        "application/json",
                        RetellSigner.HEADER,
                        RetellSigner.signature(tenant.apiKey(), body, nowMillis)));
    }
}
