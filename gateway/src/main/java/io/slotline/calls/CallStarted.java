package io.slotline.calls;

import io.slotline.tenancy.TenantContext;

/** Retell's call_started, after the call is recorded. Published by the retell feature, once per call. */
public record CallStarted(TenantContext tenant, String retellCallId) {}
