package io.slotline.console;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The viewer's time zone and day: the company's when one company is shown, else the console's configured zone. */
@Component
class ConsoleViewer {

    private final TenantDirectory directory;
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsoleViewer(TenantDirectory directory, ConsoleProperties properties, Clock clock) {
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    ZoneId zone(Scope scope) {
        Long company = scope.companyId();
        return company == null
                ? properties.timeZone()
                : directory.company(company).map(Company::defaultTimeZone).orElse(properties.timeZone());
    }

    Formats formats(Scope scope, Locale locale) {
        return new Formats(zone(scope), locale);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today(Scope scope) {
        return LocalDate.ofInstant(clock.instant(), zone(scope));
    }

    /** [start, end) of a local day in the scope's zone, DST-correct (a day may have 23 or 25 hours). */
    Instant[] day(Scope scope, LocalDate day) {
        ZoneId zone = zone(scope);
        return new Instant[] {
            day.atStartOfDay(zone).toInstant(),
            day.plusDays(1).atStartOfDay(zone).toInstant()
        };
    }

    /** The day a filter asks for: ISO date, or today when missing. */
    LocalDate dayOrToday(Scope scope, @Nullable String day) {
        if (day == null || day.isBlank()) {
            return today(scope);
        }
        try {
            return LocalDate.parse(day.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConsoleBadRequestException("day");
        }
    }
}
