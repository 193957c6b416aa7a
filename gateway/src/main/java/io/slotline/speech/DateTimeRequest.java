package io.slotline.speech;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asked for in one phrase: a day, and possibly a time or a window (or both: "Dienstag nachmittag um
 * 3"). Times are wall-clock times in the branch's zone; resolve them with {@link ZonedTimes#toInstant}.
 */
public record DateTimeRequest(LocalDate date, Optional<LocalTime> time, Optional<TimeWindow> window) {

    public DateTimeRequest {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(window, "window");
    }

    public Optional<LocalDateTime> dateTime() {
        return time.map(date::atTime);
    }
}
