package io.slotline.functions;

import io.slotline.customers.Customer;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the agent should know from the first word: who it answers for, today's date and time in the branch's zone
 * (LLMs have no idea what "heute" is), the caller if known, and the services. Handed over by the inbound webhook as
 * Retell dynamic variables (strings only) and by get_current_context for agents without that webhook.
 * <p>
 * Every variable is always set (empty when unknown): Retell leaves an unset {@code {{variable}}} in the prompt as
 * written. None shares a name with Retell's built-ins: the time is {@code local_time}, because Retell's own
 * {@code {{current_time}}} is Los Angeles time.
 */
@Component
public class ContextVariables {

    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Language.DE.locale());
    private static final DateTimeFormatter ENGLISH_DATE =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Language.EN.locale());

    private final TenantDirectory tenants;

    ContextVariables(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public Map<String, String> of(Company company, Branch branch, @Nullable Customer customer, Instant now) {
        ZonedDateTime local = now.atZone(branch.timeZone());
        Language language = company.language();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("company_name", company.name());
        variables.put("branch_name", branch.name());
        variables.put("branch_address", branch.address() == null ? "" : branch.address());
        // where Retell's transfer_call connects the caller to a person
        variables.put("branch_phone", branch.phone() == null ? "" : branch.phone());
        variables.put("language", language.code());
        variables.put("time_zone", branch.timeZone().getId());
        variables.put("today", local.toLocalDate().toString());
        variables.put("today_spoken", local.format(language == Language.DE ? GERMAN_DATE : ENGLISH_DATE));
        variables.put(
                "weekday", local.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, language.locale()));
        variables.put(
                "local_time", local.toLocalTime().withSecond(0).withNano(0).toString());
        String callerName = customer == null ? null : customer.name();
        boolean known = callerName != null;
        variables.put("caller_known", Boolean.toString(known));
        variables.put("caller_name", callerName != null ? callerName : "");
        // the begin message: the caller's name when we know them
        variables.put(
                "greeting",
                callerName != null
                        ? Messages.render(
                                MessageKey.GREETING_KNOWN_CUSTOMER,
                                language,
                                Map.of("name", callerName, "company", company.name()))
                        : Messages.render(MessageKey.GREETING, language, Map.of("company", company.name())));
        List<String> services =
                tenants.activeServices(company.id()).stream().map(Service::name).toList();
        variables.put("services", String.join(", ", services));
        return variables;
    }
}
