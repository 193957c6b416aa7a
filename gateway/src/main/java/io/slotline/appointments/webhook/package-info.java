/**
 * {@code POST /calcom/webhook?company=<slug>}: Cal.com telling us about bookings made, moved or cancelled elsewhere
 * (the web, the business's own calendar, or our own calls echoed back). Verified per company, deduplicated, it drops
 * the affected availability days everywhere and keeps our appointment records in step.
 */
@NullMarked
package io.slotline.calcom.webhook;

import org.jspecify.annotations.NullMarked;
