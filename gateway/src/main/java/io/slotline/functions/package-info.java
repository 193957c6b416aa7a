/**
 * The Retell functions a voice agent calls (check_availability, book_appointment, cancel, reschedule, ...): the
 * dispatcher turns a request's arguments into a handler's record, answers within its deadline with a speakable
 * {@link io.slotline.functions.FunctionResult} and a {@link io.slotline.functions.Reason}, keeps state changes
 * idempotent, logs each call and meters it ({@link io.slotline.functions.FunctionMetrics}). Arguments come from an
 * LLM: nothing in them is trusted, and everything here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.slotline.functions;

import org.jspecify.annotations.NullMarked;
