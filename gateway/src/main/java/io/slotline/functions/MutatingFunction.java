package io.slotline.functions;

/**
 * A function that changes a calendar (book, cancel, reschedule). The dispatcher runs it at most once per
 * {@link CallContext#idempotencyKey}: Retell retries and LLMs re-issue tool calls after a barge-in, and the caller
 * must never end up with two bookings. A repeat gets the first answer, also while the first is still running.
 */
public interface MutatingFunction<A> extends FunctionHandler<A> {}
