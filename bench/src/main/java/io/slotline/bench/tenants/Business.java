package io.slotline.bench.tenants;

import io.slotline.bench.calls.Tenant;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One generated business: its Cal.com account (a user who owns the key and a team of stylists), its services as
 * round-robin team event types plus a managed event type per service whose children are each stylist's own, and
 * how it appears to Slotline (tenant file) and to its callers ({@link #caller()}).
 *
 * @param index      1-based, also the Zipf rank: business 1 gets the most calls
 * @param calcomKey  the account's API key (one budget of 120 requests per minute at Cal.com)
 * @param retellKey  the company's Retell key: it signs the business's calls
 */
public record Business(
        int index,
        String slug,
        String name,
        String language,
        ZoneId zone,
        String calcomKey,
        String webhookSecret,
        String retellKey,
        String phoneNumber,
        String agentId,
        String callerPrefix,
        long ownerUserId,
        long teamId,
        List<Stylist> stylists,
        List<Offer> services,
        Map<DayOfWeek, Tenant.Hours> hours) {

    public Business {
        stylists = List.copyOf(stylists);
        services = List.copyOf(services);
        hours = Map.copyOf(hours);
    }

    /** A team member: Cal.com user (host) and Slotline staff member. */
    public record Stylist(String name, String username, long userId) {}

    /**
     * A service: the round-robin team event type ({@code eventTypeId}), the managed parent and each stylist's
     * child ({@code staffEventTypeIds}, in the order of {@link #stylists()}); {@code performers} are indexes into
     * the stylists.
     */
    public record Offer(
            String name,
            String slug,
            int minutes,
            int priceCents,
            double weight,
            long eventTypeId,
            long managedParentId,
            List<Integer> performers,
            List<Long> staffEventTypeIds) {

        public Offer {
            performers = List.copyOf(performers);
            staffEventTypeIds = List.copyOf(staffEventTypeIds);
        }
    }

    /** The business as the benchmark's callers see it. */
    public Tenant caller() {
        return new Tenant(
                name,
                retellKey,
                phoneNumber,
                agentId,
                zone,
                callerPrefix,
                services.stream()
                        .map(s -> new Tenant.Service(s.name(), s.weight(), List.of()))
                        .toList(),
                stylists.stream().map(Stylist::name).toList(),
                hours);
    }
}
