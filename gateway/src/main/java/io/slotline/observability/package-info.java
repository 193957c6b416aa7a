/**
 * What the features' metrics, health and logs share: each feature owns its meters (metric names are fixed by
 * CONTRACTS.md) and uses {@link io.slotline.observability.CacheEntries} for its cache sizes,
 * {@link io.slotline.observability.BoundedTagValues} for tag values from requests and
 * {@link io.slotline.observability.SlotlineMeterFilters} for histogram layouts; logs carry
 * {@link io.slotline.observability.RequestLogContext} and mask personal data with
 * {@link io.slotline.observability.Masking}. Depends on no feature, so every feature may depend on it.
 */
@NullMarked
package io.slotline.observability;

import org.jspecify.annotations.NullMarked;
