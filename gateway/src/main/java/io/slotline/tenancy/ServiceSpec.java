package io.slotline.tenancy;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record ServiceSpec(
        String name,
        List<String> synonyms,
        int durationMinutes,
        @Nullable Integer priceCents,
        String currency,
        @Nullable Long calcomEventTypeId,
        @Nullable String calcomEventTypeSlug,
        boolean active,
        @Nullable Long calcomTeamId,
        List<ServiceStep> steps) {

    public ServiceSpec {
        TenancyValidation.requireText(name, "service name", 200);
        synonyms = synonyms == null
                ? List.of()
                : synonyms.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (durationMinutes <= 0 || durationMinutes > 1440) {
            throw new IllegalArgumentException("service '" + name + "': durationMinutes must be 1..1440");
        }
        if (priceCents != null && priceCents < 0) {
            throw new IllegalArgumentException("service '" + name + "': priceCents must be >= 0");
        }
        currency = currency == null ? "EUR" : currency;
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("service '" + name + "': currency must be an ISO 4217 code like EUR");
        }
        steps = ServiceStep.validated(name, steps);
    }

    /** The same service with other steps (the sync fills in the stylists' own event types per step). */
    public ServiceSpec withSteps(List<ServiceStep> newSteps) {
        return new ServiceSpec(
                name,
                synonyms,
                durationMinutes,
                priceCents,
                currency,
                calcomEventTypeId,
                calcomEventTypeSlug,
                active,
                calcomTeamId,
                newSteps);
    }

    public static ServiceSpec of(Service service) {
        return new ServiceSpec(
                service.name(),
                service.synonyms(),
                service.durationMinutes(),
                service.priceCents(),
                service.currency(),
                service.calcomEventTypeId(),
                service.calcomEventTypeSlug(),
                service.active(),
                service.calcomTeamId(),
                service.steps());
    }
}
