package io.slotline.bench.calls;

/** How one simulated call went. */
public record CallSummary(int index, Intent intent, int functionCalls, boolean booked, boolean failedRequests) {}
