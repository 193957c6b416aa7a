/**
 * Cal.com API v2 boundary: {@link io.slotline.calcom.CalcomApi} (implemented over HTTP by
 * {@link io.slotline.calcom.HttpCalcomClient}), Slotline's records for what Cal.com returns, the sealed
 * {@link io.slotline.calcom.CalcomException} hierarchy, and webhook signature/payload handling.
 * Nothing from the HTTP layer or Cal.com's JSON shapes leaks past this package.
 */
@NullMarked
package io.slotline.calcom;

import org.jspecify.annotations.NullMarked;
