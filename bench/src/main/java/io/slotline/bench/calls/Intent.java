package io.slotline.bench.calls;

public enum Intent {
    BOOK,
    INQUIRE,
    CANCEL,
    RESCHEDULE
}
