package io.slotline.bench.calls;

import java.time.LocalDate;
import java.time.LocalTime;

/** A wall-clock date and time in the business's zone, as callers and the functions' args speak it. */
public record SlotTime(LocalDate date, LocalTime time) {

    public String isoDate() {
        return date.toString();
    }

    /** HH:mm. */
    public String hourMinute() {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
