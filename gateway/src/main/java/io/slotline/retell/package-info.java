/**
 * Retell's side of the gateway: the signature filter ({@code X-Retell-Signature}, the company's key), the function
 * endpoints, the call webhooks (which record the call and publish {@code io.slotline.calls.CallStarted} /
 * {@code CallEnded}), the inbound webhook (which publishes {@code CallIncoming}) and the agent configuration.
 * Every request is untrusted input; everything here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.slotline.retell;

import org.jspecify.annotations.NullMarked;
