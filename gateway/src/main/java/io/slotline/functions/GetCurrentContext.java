package io.slotline.functions;

import io.slotline.tenancy.Language;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** For agents without the inbound webhook: the same context, asked for at the start of the call. */
@Component
class GetCurrentContext implements FunctionHandler<GetCurrentContext.Args> {

    record Args() {}

    private final ContextVariables variables;

    GetCurrentContext(ContextVariables variables) {
        this.variables = variables;
    }

    @Override
    public String name() {
        return "get_current_context";
    }

    @Override
    public String description() {
        return "Returns who you answer for (company, branch), today's date, weekday and time in the branch's time "
                + "zone, the caller's name if known, and the services offered. Call it once at the start of the call.";
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public FunctionResult handle(CallContext context, Args args) {
        Map<String, String> vars =
                variables.of(context.company(), context.branch(), context.customer(), context.receivedAt());
        String message = context.language() == Language.DE
                ? "Heute ist " + vars.get("today_spoken") + ", es ist " + vars.get("local_time") + " Uhr."
                : "Today is " + vars.get("today_spoken") + ", it is " + vars.get("local_time") + ".";
        // ContextVariables always sets caller_name ("" when unknown)
        if (!Objects.requireNonNull(vars.get("caller_name")).isEmpty()) {
            message += context.language() == Language.DE
                    ? " Der Anrufer ist " + vars.get("caller_name") + "."
                    : " The caller is " + vars.get("caller_name") + ".";
        }
        return FunctionResult.ok(message, vars);
    }
}
