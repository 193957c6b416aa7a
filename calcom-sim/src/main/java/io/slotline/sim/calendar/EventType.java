package io.slotline.sim.calendar;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bookable service, modelled on Cal.com's EventType row (packages/prisma/schema.prisma):
 * <ul>
 * <li>a personal event type ({@code teamId} null) belongs to one user and has that user as its only host;</li>
 * <li>a team event type ({@code teamId} set) is round robin (a slot while one host is free, the booking goes to one
 * free host), collective (every host must be free, the first host organizes) or managed (a template: not bookable,
 * each assigned member has a child event type of their own);</li>
 * <li>a managed child is a personal event type of its member with {@code parentId} set
 * (packages/features/ee/managed-event-types/lib/handleChildrenEventTypes.ts: children get the member's
 * {@code userId}, no {@code teamId}, and the parent's slug).</li>
 * </ul>
 *
 * @param ownerKey the API key of the tenant that owns it (its bookings are listed for that key)
 * @param ownerUserId the owning user for personal event types and managed children, null for team event types
 * @param lengthOptions further allowed lengths (Cal.com "multiple durations"); empty for a single length
 * @param slotInterval minutes between slot starts; null means the slot length
 * @param bookingWindowDays rolling number of days into the future that can be booked; null means unlimited
 * @param locationAddress an in-person address shown as the booking location, or null for Cal Video
 * @param schedulingType null for personal event types and managed children
 * @param parentId the managed parent of a child
 */
public record EventType(
        long id,
        String ownerKey,
        @Nullable Long ownerUserId,
        @Nullable Long teamId,
        String title,
        String slug,
        String description,
        int lengthInMinutes,
        List<Integer> lengthOptions,
        @Nullable Integer slotInterval,
        int minimumBookingNotice,
        int beforeEventBuffer,
        int afterEventBuffer,
        List<Long> hostIds,
        @Nullable Integer bookingWindowDays,
        boolean hidden,
        @Nullable String locationAddress,
        @Nullable SchedulingType schedulingType,
        @Nullable Long parentId,
        Settings settings) {

    /** Cal.com's SchedulingType enum; the API v2 output spells it {@link #apiName()}. */
    public enum SchedulingType {
        ROUND_ROBIN("roundRobin"),
        COLLECTIVE("collective"),
        MANAGED("managed");

        private final String apiName;

        SchedulingType(String apiName) {
            this.apiName = apiName;
        }

        /** packages/platform/types/event-types/event-types_2024_06_14/outputs/event-type.output.ts */
        public String apiName() {
            return apiName;
        }

        public static SchedulingType parse(String text) {
            for (SchedulingType type : values()) {
                if (type.name().equalsIgnoreCase(text) || type.apiName.equalsIgnoreCase(text)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("schedulingType must be roundRobin, collective or managed: " + text);
        }
    }

    /**
     * Cal.com's requiresCancellationReason (packages/features/bookings/lib/cancellationReason.ts): who must give a
     * reason when cancelling. MANDATORY_HOST_ONLY is the default, in the database and when unset.
     */
    public enum CancellationReason {
        MANDATORY_HOST_ONLY,
        MANDATORY_BOTH,
        MANDATORY_ATTENDEE_ONLY,
        OPTIONAL_BOTH
    }

    /**
     * Settings that change booking rules.
     *
     * @param requiresConfirmation bookings start as {@code pending} and fire BOOKING_REQUESTED
     * @param rescheduleWithSameRoundRobinHost a reschedule keeps the original host (round robin only)
     * @param emailRequired the default email booking field is required (Cal.com's default) or optional/hidden
     * @param phoneRequired the attendee phone booking field is required
     * @param requiredCustomFields slugs of further required booking questions
     * @param seatsPerTimeSlot a seated event type: this many attendees share one booking of a time (null: not seated)
     */
    public record Settings(
            boolean requiresConfirmation,
            boolean rescheduleWithSameRoundRobinHost,
            boolean emailRequired,
            boolean phoneRequired,
            List<String> requiredCustomFields,
            CancellationReason cancellationReason,
            @Nullable Integer seatsPerTimeSlot) {

        public static final Settings DEFAULTS =
                new Settings(false, false, true, false, List.of(), CancellationReason.MANDATORY_HOST_ONLY, null);

        public Settings {
            requiredCustomFields = List.copyOf(requiredCustomFields);
            if (seatsPerTimeSlot != null && seatsPerTimeSlot < 1) {
                throw new IllegalArgumentException("seatsPerTimeSlot must be at least 1");
            }
        }

        public Settings(
                boolean requiresConfirmation,
                boolean rescheduleWithSameRoundRobinHost,
                boolean emailRequired,
                boolean phoneRequired,
                List<String> requiredCustomFields,
                CancellationReason cancellationReason) {
            this(
                    requiresConfirmation,
                    rescheduleWithSameRoundRobinHost,
                    emailRequired,
                    phoneRequired,
                    requiredCustomFields,
                    cancellationReason,
                    null);
        }
    }

    /** Several attendees share one booking of a time, up to {@link Settings#seatsPerTimeSlot}. */
    public boolean isSeated() {
        return settings.seatsPerTimeSlot() != null;
    }

    /** A team event type's scheduling type, which the constructor always sets (round robin by default). */
    public SchedulingType teamSchedulingType() {
        if (schedulingType == null) {
            throw new IllegalStateException("event type " + id + " is not a team event type");
        }
        return schedulingType;
    }

    /** The seats of one time of a seated event type (callers ask {@link #isSeated()} first). */
    public int seats() {
        Integer seats = settings.seatsPerTimeSlot();
        if (seats == null) {
            throw new IllegalStateException("event type " + id + " is not seated");
        }
        return seats;
    }

    /** The shape the simulator had before teams were modelled: team types are round robin, defaults otherwise. */
    public EventType(
            long id,
            String ownerKey,
            @Nullable Long ownerUserId,
            @Nullable Long teamId,
            String title,
            String slug,
            String description,
            int lengthInMinutes,
            List<Integer> lengthOptions,
            @Nullable Integer slotInterval,
            int minimumBookingNotice,
            int beforeEventBuffer,
            int afterEventBuffer,
            List<Long> hostIds,
            @Nullable Integer bookingWindowDays,
            boolean hidden,
            @Nullable String locationAddress) {
        this(
                id,
                ownerKey,
                ownerUserId,
                teamId,
                title,
                slug,
                description,
                lengthInMinutes,
                lengthOptions,
                slotInterval,
                minimumBookingNotice,
                beforeEventBuffer,
                afterEventBuffer,
                hostIds,
                bookingWindowDays,
                hidden,
                locationAddress,
                teamId != null ? SchedulingType.ROUND_ROBIN : null,
                null,
                Settings.DEFAULTS);
    }

    public EventType {
        lengthOptions = List.copyOf(lengthOptions);
        hostIds = List.copyOf(hostIds);
        if (lengthInMinutes <= 0) {
            throw new IllegalArgumentException("lengthInMinutes must be positive");
        }
        if (slotInterval != null && slotInterval <= 0) {
            throw new IllegalArgumentException("slotInterval must be positive");
        }
        if (minimumBookingNotice < 0 || beforeEventBuffer < 0 || afterEventBuffer < 0) {
            throw new IllegalArgumentException("notice and buffers must not be negative");
        }
        if (hostIds.isEmpty()) {
            throw new IllegalArgumentException("an event type needs at least one host");
        }
        if (teamId == null && hostIds.size() != 1) {
            throw new IllegalArgumentException("a personal event type (no teamId) has exactly one host");
        }
        if (teamId != null && schedulingType == null) {
            schedulingType = SchedulingType.ROUND_ROBIN;
        }
        if (teamId == null && schedulingType != null) {
            throw new IllegalArgumentException("only team event types have a schedulingType");
        }
        if (parentId != null && teamId != null) {
            throw new IllegalArgumentException("a managed child belongs to its member, not to the team");
        }
        if (settings == null) {
            settings = Settings.DEFAULTS;
        }
    }

    public boolean isTeam() {
        return teamId != null;
    }

    public boolean isManagedParent() {
        return schedulingType == SchedulingType.MANAGED;
    }

    public boolean isManagedChild() {
        return parentId != null;
    }

    public boolean isRoundRobin() {
        return schedulingType == SchedulingType.ROUND_ROBIN;
    }

    public boolean isCollective() {
        return schedulingType == SchedulingType.COLLECTIVE;
    }

    public boolean hasMultipleDurations() {
        return !lengthOptions.isEmpty();
    }

    public boolean allowsLength(int minutes) {
        return minutes == lengthInMinutes || lengthOptions.contains(minutes);
    }

    public int stepMinutes(int duration) {
        return slotInterval != null ? slotInterval : duration;
    }

    public String location() {
        return locationAddress != null ? locationAddress : "integrations:daily";
    }

    public EventType withSettings(Settings newSettings) {
        return new EventType(
                id,
                ownerKey,
                ownerUserId,
                teamId,
                title,
                slug,
                description,
                lengthInMinutes,
                lengthOptions,
                slotInterval,
                minimumBookingNotice,
                beforeEventBuffer,
                afterEventBuffer,
                hostIds,
                bookingWindowDays,
                hidden,
                locationAddress,
                schedulingType,
                parentId,
                newSettings);
    }
}
