package io.slotline.functions;

import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.SpokenTimes;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The services a caller can book by phone, with how long they take and what they cost. */
@Component
class ListServices implements FunctionHandler<ListServices.Args> {

    record Args() {}

    private final ServiceResolver services;

    ListServices(ServiceResolver services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "list_services";
    }

    @Override
    public String description() {
        return "Lists the services the caller can book, with duration and price. Call it when the caller asks what "
                + "is offered or what something costs.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        List<Service> bookable = services.services(context);
        Language language = context.language();
        if (bookable.isEmpty()) {
            return FunctionResult.notOk(
                    Reason.NO_SERVICES,
                    Messages.render(MessageKey.NO_SERVICES, language),
                    Map.of("services", List.of(), "callback_offered", true));
        }
        List<String> spoken = new ArrayList<>();
        List<Map<String, @Nullable Object>> data = new ArrayList<>();
        for (Service service : bookable) {
            String duration = SpokenTimes.duration(Duration.ofMinutes(service.durationMinutes()), language);
            String price = service.priceCents() == null
                    ? null
                    : SpokenTimes.priceInMinorUnits(service.priceCents(), service.currency(), language);
            spoken.add(service.name() + " (" + duration + (price == null ? "" : ", " + price) + ")");
            Map<String, @Nullable Object> entry = new LinkedHashMap<>();
            entry.put("name", service.name());
            entry.put("duration_minutes", service.durationMinutes());
            if (service.priceCents() != null) {
                entry.put("price_cents", service.priceCents());
                entry.put("currency", service.currency());
                entry.put("price_spoken", price);
            }
            data.add(entry);
        }
        return FunctionResult.ok(
                Messages.render(
                        MessageKey.SERVICES_LIST, language, Map.of("services", SpokenTimes.andList(spoken, language))),
                Map.of("services", data));
    }
}
