package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.slotline.calls.CallbackRequest;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.customers.Customer;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Records that a person from the business should call the caller back, when the agent can't help. */
@Component
class RequestCallback implements MutatingFunction<RequestCallback.Args> {

    record Args(
            @JsonProperty(value = "customer_name", required = true)
            @JsonPropertyDescription("The caller's name.")
            @Nullable String customerName,

            @JsonPropertyDescription("Number to call back; leave out to use the number the caller is calling from.")
            @Nullable String phone,

            @JsonProperty(required = true)
            @JsonPropertyDescription("What the call back is about, in a few words.")
            @Nullable String reason,

            @JsonProperty("preferred_time")
            @JsonPropertyDescription("When the caller would like to be called, as they said it.")
            @Nullable String preferredTime) {}

    private final CallbackRequests callbacks;

    RequestCallback(CallbackRequests callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public String name() {
        return "request_callback";
    }

    @Override
    public String description() {
        return "Notes that someone from the team should call the caller back: when the caller's wish can't be met "
                + "by phone (deadline passed, calendar unreachable, number withheld) or they ask for a person.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        String name = CallerAppointments.blankToNull(args.customerName());
        if (name == null) {
            return FunctionResult.notOk(
                    Reason.NEEDS_NAME,
                    Messages.render(MessageKey.CALLBACK_NEEDS_NAME, context.language()),
                    Map.of("needs", List.of("customer_name")));
        }
        String phone = CallbackNumbers.normalise(args.phone());
        if (phone == null) {
            phone = context.callerNumber();
        }
        if (phone == null) {
            return FunctionResult.notOk(
                    Reason.NEEDS_PHONE,
                    Messages.render(MessageKey.CALLBACK_NEEDS_PHONE, context.language()),
                    Map.of("needs", List.of("phone")));
        }
        Customer customer = context.customer();
        String reason = CallerAppointments.blankToNull(args.reason());
        String preferred = CallerAppointments.blankToNull(args.preferredTime());
        CallbackRequest request = callbacks.create(new NewCallbackRequest(
                context.companyId(),
                context.branch().id(),
                context.callId(),
                customer == null ? null : customer.id(),
                CallerAppointments.truncate(name, 200),
                phone,
                CallerAppointments.truncate(reason == null ? "Rückruf erbeten / callback requested" : reason, 2000),
                preferred == null ? null : CallerAppointments.truncate(preferred, 200)));
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("callback_id", request.id());
        data.put("phone", request.phone());
        if (request.preferredTime() != null) {
            data.put("preferred_time", request.preferredTime());
        }
        return FunctionResult.ok(Messages.render(MessageKey.CALLBACK_RECORDED, context.language()), data);
    }
}
