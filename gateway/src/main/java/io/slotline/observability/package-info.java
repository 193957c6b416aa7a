/**
 * Metrics, health, and request log context of the gateway. Other features record through {@link
 * io.slotline.observability.SlotlineMetrics} and {@link io.slotline.observability.RequestLogContext} and mask
 * personal data with {@link io.slotline.observability.Masking}; metric names are fixed by CONTRACTS.md.
 */
@NullMarked
package io.slotline.observability;

import org.jspecify.annotations.NullMarked;
