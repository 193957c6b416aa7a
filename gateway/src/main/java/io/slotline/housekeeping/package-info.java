/**
 * Deletes records that only matter for a while (idempotency keys, webhook dedupe keys, slot holds) once their
 * retention has passed, so that tables that grow with every call stay small. Business records (calls, appointments,
 * customers, the function-call log) are kept.
 */
@NullMarked
package io.slotline.housekeeping;

import org.jspecify.annotations.NullMarked;
