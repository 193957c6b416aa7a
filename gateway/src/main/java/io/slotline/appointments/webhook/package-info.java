/**
 * {@code POST /calcom/webhook?company=<slug>}: Cal.com telling us about bookings made, moved or cancelled elsewhere
 * (the web, the business's own calendar, or our own calls echoed back). Verified per company and deduplicated, it
 * keeps our appointment records in step and publishes the change (appointment booked, cancelled, moved), which
 * availability applies to the cached days everywhere.
 */
@NullMarked
package io.slotline.appointments.webhook;

import org.jspecify.annotations.NullMarked;
