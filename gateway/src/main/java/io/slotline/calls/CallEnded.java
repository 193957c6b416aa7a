package io.slotline.calls;

import io.slotline.tenancy.TenantContext;

/**
 * The call is over: Retell's call_ended, or call_analyzed when call_ended was lost. Published by the retell feature
 * (so possibly twice for one call; listeners are idempotent), after the call is recorded.
 */
public record CallEnded(TenantContext tenant, String retellCallId) {}
