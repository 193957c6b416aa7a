package io.slotline.calls;

import io.slotline.tenancy.TenantContext;

/**
 * The phone rings for a tenant (Retell's inbound webhook), before the call has an id. Published by the retell
 * feature; listeners (availability warm-up) must be quick: the caller is waiting for the answer.
 */
public record CallIncoming(TenantContext tenant) {}
