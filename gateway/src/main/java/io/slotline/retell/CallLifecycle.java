package io.slotline.retell;

import io.slotline.tenancy.TenantContext;

/**
 * What other features do when a call starts or ends (warm the availability cache, release slot holds).
 * Implementations must be quick and must not throw: webhooks are acknowledged fast.
 */
public interface CallLifecycle {

    default void callIncoming(TenantContext tenant) {
    }

    default void callStarted(TenantContext tenant, String retellCallId) {
    }

    default void callEnded(TenantContext tenant, String retellCallId) {
    }
}
