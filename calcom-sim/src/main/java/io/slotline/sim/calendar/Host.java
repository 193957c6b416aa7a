package io.slotline.sim.calendar;

import java.time.ZoneId;

/** A bookable person (Cal.com user) with a weekly schedule in their own IANA zone. */
public record Host(long id, String username, String name, String email, ZoneId timeZone, WeeklySchedule schedule) {}
