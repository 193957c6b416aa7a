package io.slotline.appointments;

import java.time.LocalDate;

/**
 * Something changed on these local days in a company's calendars that cannot be said exactly (a webhook without
 * times or host, a time Cal.com refused although it looked free): every calendar of the company may differ from
 * what was known. Published after the change is committed (at once when there is no transaction).
 */
public record AppointmentDaysChanged(long companyId, LocalDate from, LocalDate to, AppointmentSource source) {}
