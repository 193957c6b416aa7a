package io.slotline.bench.tenants;

import io.slotline.bench.calls.Tenant;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a generated business looks like to the two systems: the simulator's {@code /_sim/scenario} document (the
 * Cal.com account as the demo salon is built: a team, round-robin team event types, a managed event type per service
 * with a child per stylist, and existing bookings) and the tenant file an operator applies to the gateway
 * ({@code POST /admin/api/tenants/apply}, same format as {@code demo/demo-salon.yaml}).
 */
public final class TenantDocuments {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int DAYS_BACK = 1;
    private static final int DAYS_AHEAD = 14;

    private TenantDocuments() {}

    /** {@code {"tenants":[..],"hosts":[..],"eventTypes":[..],"bookings":[..]}} for these businesses. */
    public static String simulatorScenario(List<Business> businesses, Instant now, long seed) {
        List<Object> tenants = new ArrayList<>();
        List<Object> hosts = new ArrayList<>();
        List<Object> eventTypes = new ArrayList<>();
        List<Object> bookings = new ArrayList<>();
        for (Business b : businesses) {
            Map<String, Object> tenant = new LinkedHashMap<>();
            tenant.put("apiKey", b.calcomKey());
            tenant.put("userId", b.ownerUserId());
            tenant.put("name", b.name());
            tenant.put("username", b.slug() + "-owner");
            tenant.put("teamId", b.teamId());
            tenant.put("teamSlug", b.slug());
            tenant.put("timeZone", b.zone().getId());
            tenants.add(tenant);
            Map<String, List<String>> schedule = schedule(b.hours());
            for (Business.Stylist s : b.stylists()) {
                Map<String, Object> host = new LinkedHashMap<>();
                host.put("id", s.userId());
                host.put("username", s.username());
                host.put("name", s.name());
                host.put("timeZone", b.zone().getId());
                host.put("schedule", schedule);
                hosts.add(host);
            }
            List<String> usernames =
                    b.stylists().stream().map(Business.Stylist::username).toList();
            for (Business.Offer o : b.services()) {
                Map<String, Object> team = eventType(b, o.eventTypeId(), o, o.slug(), usernames);
                team.put("teamId", b.teamId());
                team.put("schedulingType", "roundRobin");
                eventTypes.add(team);
                Map<String, Object> parent = eventType(b, o.managedParentId(), o, o.slug() + "-stylist", usernames);
                parent.put("teamId", b.teamId());
                parent.put("schedulingType", "managed");
                eventTypes.add(parent);
                for (int s = 0; s < b.stylists().size(); s++) {
                    Business.Stylist stylist = b.stylists().get(s);
                    Map<String, Object> child = eventType(
                            b, o.staffEventTypeIds().get(s), o, o.slug() + "-stylist", List.of(stylist.username()));
                    child.put("ownerUserId", stylist.userId());
                    child.put("parentId", o.managedParentId());
                    eventTypes.add(child);
                }
            }
            bookings.addAll(existingBookings(b, now, new SplittableRandom(seed * 31 + b.index())));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenants", tenants);
        doc.put("hosts", hosts);
        doc.put("eventTypes", eventTypes);
        doc.put("bookings", bookings);
        return JSON.writeValueAsString(doc);
    }

    private static Map<String, Object> eventType(
            Business b, long id, Business.Offer o, String slug, List<String> hosts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("ownerKey", b.calcomKey());
        e.put("title", o.name());
        e.put("slug", slug);
        e.put("lengthInMinutes", o.minutes());
        e.put("slotInterval", 30);
        e.put("minimumBookingNotice", 60);
        e.put("hosts", hosts);
        return e;
    }

    /** About two to four appointments per stylist and open day, from yesterday to two weeks ahead. */
    private static List<Object> existingBookings(Business b, Instant now, SplittableRandom r) {
        List<Object> bookings = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, b.zone());
        for (int offset = -DAYS_BACK; offset < DAYS_AHEAD; offset++) {
            LocalDate day = today.plusDays(offset);
            Tenant.Hours hours = b.hours().get(day.getDayOfWeek());
            if (hours == null) {
                continue;
            }
            for (Business.Stylist stylist : b.stylists()) {
                Set<Integer> taken = new HashSet<>();
                int count = 2 + r.nextInt(3);
                for (int n = 0; n < count; n++) {
                    Business.Offer o = b.services().get(r.nextInt(b.services().size()));
                    int halfHours =
                            (int) ((hours.close().toSecondOfDay() - hours.open().toSecondOfDay()) / 1800)
                                    - (o.minutes() + 29) / 30;
                    if (halfHours <= 0) {
                        continue;
                    }
                    int slot = r.nextInt(halfHours + 1);
                    int length = (o.minutes() + 29) / 30;
                    boolean clash = false;
                    for (int h = slot; h < slot + length; h++) {
                        clash |= taken.contains(h);
                    }
                    if (clash) {
                        continue;
                    }
                    for (int h = slot; h < slot + length; h++) {
                        taken.add(h);
                    }
                    LocalTime start = hours.open().plusMinutes(30L * slot);
                    Map<String, Object> booking = new LinkedHashMap<>();
                    booking.put("eventTypeId", o.eventTypeId());
                    booking.put("host", stylist.username());
                    booking.put(
                            "start",
                            day.atTime(start).atZone(b.zone()).toInstant().toString());
                    Map<String, Object> attendee = new LinkedHashMap<>();
                    attendee.put("name", "Kunde " + r.nextInt(10_000));
                    attendee.put(
                            "phoneNumber",
                            b.callerPrefix() + String.format(Locale.ROOT, "%07d", r.nextInt(10_000_000)));
                    attendee.put("timeZone", b.zone().getId());
                    attendee.put("language", b.language());
                    booking.put("attendee", attendee);
                    bookings.add(booking);
                }
            }
        }
        return bookings;
    }

    private static Map<String, List<String>> schedule(Map<DayOfWeek, Tenant.Hours> hours) {
        Map<String, List<String>> schedule = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Tenant.Hours h = hours.get(day);
            if (h != null) {
                schedule.put(
                        day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT),
                        List.of(h.open() + "-" + h.close()));
            }
        }
        return schedule;
    }

    /** The tenant file for one business, as an operator would write it. */
    public static String tenantFile(Business b) {
        StringBuilder y = new StringBuilder();
        y.append("# generated by the benchmark (--tenants): business ")
                .append(b.index())
                .append('\n');
        y.append("company:\n");
        y.append("  slug: ").append(b.slug()).append('\n');
        y.append("  name: \"").append(b.name()).append("\"\n");
        y.append("  language: ").append(b.language()).append('\n');
        y.append("  defaultTimeZone: ").append(b.zone().getId()).append('\n');
        y.append("  secrets:\n");
        y.append("    calcomApiKey: ").append(b.calcomKey()).append('\n');
        y.append("    calcomWebhookSecret: ").append(b.webhookSecret()).append('\n');
        y.append("    retellApiKey: ").append(b.retellKey()).append('\n');
        y.append("branches:\n");
        y.append("  - name: Main\n");
        y.append("    timeZone: ").append(b.zone().getId()).append('\n');
        y.append("    phoneNumbers: [\"").append(b.phoneNumber()).append("\"]\n");
        y.append("staff:\n");
        for (Business.Stylist s : b.stylists()) {
            y.append("  - name: ").append(s.name()).append('\n');
            y.append("    branch: Main\n");
            y.append("    calcomUsername: ").append(s.username()).append('\n');
            y.append("    calcomUserId: ").append(s.userId()).append('\n');
        }
        y.append("services:\n");
        for (Business.Offer o : b.services()) {
            y.append("  - name: \"").append(o.name()).append("\"\n");
            y.append("    durationMinutes: ").append(o.minutes()).append('\n');
            y.append("    priceCents: ").append(o.priceCents()).append('\n');
            y.append("    currency: ")
                    .append(b.language().equals("de") ? "EUR" : "GBP")
                    .append('\n');
            y.append("    calcomEventTypeId: ").append(o.eventTypeId()).append('\n');
            y.append("    calcomEventTypeSlug: ").append(o.slug()).append('\n');
            y.append("    calcomTeamId: ").append(b.teamId()).append('\n');
            y.append("    staff: [");
            for (int s = 0; s < o.performers().size(); s++) {
                y.append(s == 0 ? "" : ", ")
                        .append(b.stylists().get(o.performers().get(s)).name());
            }
            y.append("]\n");
            y.append("    staffEventTypes:\n");
            for (int s = 0; s < o.performers().size(); s++) {
                Business.Stylist stylist = b.stylists().get(o.performers().get(s));
                y.append("      - { staff: ")
                        .append(stylist.name())
                        .append(", id: ")
                        .append(o.staffEventTypeIds().get(s))
                        .append(", slug: ")
                        .append(o.slug())
                        .append("-stylist }\n");
            }
        }
        y.append("retellAgents:\n");
        y.append("  - id: ").append(b.agentId()).append('\n');
        y.append("    branch: Main\n");
        return y.toString();
    }
}
