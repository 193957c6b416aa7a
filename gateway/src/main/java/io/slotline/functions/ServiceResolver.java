package io.slotline.functions;

import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.ServiceMatch;
import io.slotline.speech.ServiceMatcher;
import io.slotline.speech.SpokenTimes;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the service the caller means among the company's active services: exact name, synonym, then fuzzy. An
 * ambiguous or unknown name is asked back with the closest names; a guess is never booked.
 */
@Component
public class ServiceResolver {

    private final TenantDirectory tenants;

    ServiceResolver(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public List<Service> services(CallContext context) {
        return tenants.activeServices(context.companyId()).stream()
                .filter(service -> service.calcomEventTypeId() != null)
                .toList();
    }

    public Resolution<Service> resolve(CallContext context, @Nullable String spoken) {
        List<Service> services = services(context);
        if (spoken == null || spoken.isBlank()) {
            return Resolution.ask(FunctionResult.notOk(
                    Reason.MISSING_SERVICE,
                    Messages.render(MessageKey.ASK_SERVICE, context.language()),
                    Map.of("services", names(services))));
        }
        ServiceMatch<Service> match = ServiceMatcher.match(spoken, services, Service::name, Service::synonyms);
        if (match instanceof ServiceMatch.Match<Service> found) {
            return Resolution.found(found.candidate());
        }
        if (match instanceof ServiceMatch.Ambiguous<Service> ambiguous) {
            List<String> options = names(ambiguous.candidates());
            return Resolution.ask(FunctionResult.notOk(
                    Reason.AMBIGUOUS_SERVICE,
                    Messages.render(
                            MessageKey.AMBIGUOUS_SERVICE,
                            context.language(),
                            Map.of("options", SpokenTimes.orList(options, context.language()))),
                    Map.of("options", options)));
        }
        List<String> closest = ((ServiceMatch.NoMatch<Service>) match).closestNames();
        return Resolution.ask(FunctionResult.notOk(
                Reason.UNKNOWN_SERVICE,
                Messages.render(
                        MessageKey.UNKNOWN_SERVICE,
                        context.language(),
                        Map.of(
                                "service",
                                echo(spoken, context),
                                "closest",
                                SpokenTimes.orList(closest, context.language()))),
                Map.of("closest", closest, "services", names(services))));
    }

    /** No service name is this long: what the caller said is only repeated when it is speakable. */
    static final int MAX_ECHO_LENGTH = 60;

    /** The caller's words for a service, to repeat back; something else when they are too long or not text. */
    static String echo(String spoken, CallContext context) {
        String trimmed = spoken.strip();
        if (trimmed.length() <= MAX_ECHO_LENGTH && trimmed.chars().noneMatch(Character::isISOControl)) {
            return trimmed;
        }
        return context.language() == Language.DE ? "Das Gewünschte" : "that";
    }

    private static List<String> names(List<Service> services) {
        return services.stream().map(Service::name).toList();
    }
}
