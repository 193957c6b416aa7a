package io.slotline.retell;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionHandler;
import io.slotline.functions.FunctionProperties;
import io.slotline.functions.MutatingFunction;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Retell needs to call Slotline, in Retell's own field names ({@code CustomTool} and {@code LlmCreateParams}
 * of its SDK): the custom-function definitions, in either payload mode, and a whole Retell LLM for a company.
 * <ul>
 * <li>{@code timeout_ms} is {@code slotline.functions.tool-timeout}: every function's deadline plus the network
 * margin fits inside it ({@link FunctionProperties}), so Retell never gives up before our answer.</li>
 * <li>Functions that may wait for Cal.com speak a filler sentence while they run.</li>
 * <li>{@code response_variables} keep what a later tool needs: the booked appointment's id, the caller's name.</li>
 * <li>"Args only": Retell sends just the arguments; the headers carry the call ({@code {{call_id}}}, the caller
 * {@code {{user_number}}}, our number {@code {{agent_number}}}, {@code {{direction}}}), and for a company's agent
 * its slug, which routes web calls that have no number.</li>
 * </ul>
 */
@Component
public class RetellAgentConfiguration {

    public enum PayloadMode {
        FULL,
        ARGS_ONLY
    }

    /** Produces a tool's JSON Schema; the admin layer owns the schema generator. */
    public interface Schemas {
        ObjectNode of(Class<?> argsType);
    }

    private final FunctionDispatcher dispatcher;
    private final FunctionProperties functions;
    private final RetellProperties properties;

    RetellAgentConfiguration(FunctionDispatcher dispatcher, FunctionProperties functions, RetellProperties properties) {
        this.dispatcher = dispatcher;
        this.functions = functions;
        this.properties = properties;
    }

    /** The custom functions; {@code company} adds its slug header in args-only mode (web calls have no number). */
    public List<Map<String, Object>> tools(
            String baseUrl, PayloadMode mode, @Nullable Company company, Schemas schemas) {
        Language language = company == null ? Language.EN : company.language();
        return dispatcher.handlers().stream()
                .map(handler -> tool(baseUrl, handler, mode, company, language, schemas))
                .toList();
    }

    private Map<String, Object> tool(
            String baseUrl,
            FunctionHandler<?> handler,
            PayloadMode mode,
            @Nullable Company company,
            Language language,
            Schemas schemas) {
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("type", "custom");
        tool.put("name", handler.name());
        tool.put("description", handler.description());
        tool.put("url", baseUrl + "/retell/functions/" + handler.name());
        tool.put("method", "POST");
        tool.put("parameters", schemas.of(handler.argsType()));
        boolean filler = handler.asksCalendar();
        tool.put("speak_during_execution", filler);
        if (filler) {
            tool.put(
                    "execution_message_description",
                    language == Language.DE
                            ? (handler instanceof MutatingFunction<?>
                                    ? "Kurz sagen, dass Sie das jetzt erledigen, z. B. "
                                            + "\"Einen Moment, ich trage das ein.\""
                                    : "Kurz sagen, dass Sie nachsehen, z. B. " + "\"Einen Moment, ich schaue nach.\"")
                            : (handler instanceof MutatingFunction<?>
                                    ? "Briefly say you are taking care of it, e.g. "
                                            + "\"One moment, I'm booking that.\""
                                    : "Briefly say you are checking, e.g. " + "\"One moment, let me check.\""));
        }
        tool.put("speak_after_execution", true);
        tool.put("timeout_ms", Math.toIntExact(functions.toolTimeout().toMillis()));
        Map<String, String> variables = responseVariables(handler.name());
        if (!variables.isEmpty()) {
            tool.put("response_variables", variables);
        }
        if (mode == PayloadMode.ARGS_ONLY) {
            tool.put("args_at_root", true);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(properties.callIdHeader(), "{{call_id}}");
            headers.put(properties.callerHeader(), "{{user_number}}");
            headers.put(properties.tenantHeader(), "{{agent_number}}");
            headers.put(properties.directionHeader(), "{{direction}}");
            if (company != null) {
                headers.put(properties.companyHeader(), company.slug());
            }
            tool.put("headers", headers);
        }
        return tool;
    }

    /** JSON paths of our answers that later tools or the prompt need, as Retell dynamic variables. */
    private static Map<String, String> responseVariables(String function) {
        return switch (function) {
            case "book_appointment", "reschedule_appointment" -> Map.of("appointment_id", "appointment.id");
            case "check_customer" -> Map.of("caller_name", "customer_name");
            default -> Map.of();
        };
    }

    /**
     * A complete Retell LLM for the company ({@code POST /create-retell-llm}): the prompt in the company's
     * language, explaining the context variables and every function; the begin message; the tools, with
     * Retell's own end_call and transfer_call (to the branch's {@code {{branch_phone}}}).
     */
    public Map<String, Object> llm(Company company, String baseUrl, PayloadMode mode, Schemas schemas) {
        Language language = company.language();
        List<Object> tools = new ArrayList<>(tools(baseUrl, mode, company, schemas));
        tools.add(Map.of(
                "type",
                "end_call",
                "name",
                "end_call",
                "description",
                language == Language.DE
                        ? "Beendet das Gespräch, wenn alles erledigt ist und Sie sich verabschiedet haben."
                        : "Ends the call once everything is done and you have said goodbye."));
        tools.add(Map.of(
                "type",
                "transfer_call",
                "name",
                "transfer_to_staff",
                "description",
                language == Language.DE
                        ? "Verbindet mit einer Person im Geschäft, wenn der Anrufer das ausdrücklich möchte oder "
                                + "ein Anliegen nicht per Funktion lösbar ist. Nur wenn {{branch_phone}} nicht leer ist."
                        : "Connects the caller to a person at the branch when they explicitly ask for one or the "
                                + "matter can't be solved with the functions. Only when {{branch_phone}} is not empty.",
                "transfer_destination",
                Map.of("type", "predefined", "number", "{{branch_phone}}"),
                "transfer_option",
                Map.of("type", "cold_transfer")));
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("model", "gpt-4.1");
        llm.put("model_temperature", 0);
        llm.put("start_speaker", "agent");
        llm.put("begin_message", "{{greeting}}");
        llm.put("general_prompt", language == Language.DE ? GERMAN_PROMPT : ENGLISH_PROMPT);
        llm.put("general_tools", tools);
        llm.put("default_dynamic_variables", defaults(company));
        return llm;
    }

    /** For calls that got no inbound answer (web and test calls): the prompt then asks get_current_context. */
    private static Map<String, String> defaults(Company company) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("company_name", company.name());
        values.put(
                "greeting",
                company.language() == Language.DE
                        ? company.name() + ", guten Tag! Wie kann ich Ihnen helfen?"
                        : company.name() + ", hello! How can I help you?");
        for (String empty : List.of(
                "branch_name",
                "branch_address",
                "branch_phone",
                "today",
                "today_spoken",
                "weekday",
                "local_time",
                "time_zone",
                "caller_name",
                "services")) {
            values.put(empty, "");
        }
        values.put("caller_known", "false");
        values.put("language", company.language().code());
        return values;
    }

    private static final String GERMAN_PROMPT = """
            Sie sind die freundliche Telefonassistenz von {{company_name}} ({{branch_name}}, {{branch_address}}). \
            Sie sprechen Deutsch in der Sie-Form, kurz und natürlich, wie am Telefon.

            Was Sie wissen: Heute ist {{today_spoken}} ({{today}}), es ist {{local_time}} Uhr ({{time_zone}}). \
            Leistungen: {{services}}. Anrufer bekannt: {{caller_known}}; Name: {{caller_name}}. \
            Ist {{today}} leer, rufen Sie zuerst get_current_context auf. Rechnen Sie Daten nie selbst aus: \
            geben Sie Tag und Uhrzeit so weiter, wie der Anrufer sie sagt ("morgen", "nächsten Dienstag", "halb drei").

            So arbeiten Sie mit den Funktionen:
            - Jede Antwort hat "ok" und "message". Sagen Sie die "message" sinngemäß; sie ist für den Anrufer \
            formuliert. Bei ok:false steht in "message", was zu fragen oder anzubieten ist: folgen Sie ihr.
            - check_availability: prüft einen genauen Termin (Leistung, Tag, Uhrzeit) und hält ihn kurz für \
            diesen Anruf fest. Ist er vergeben, enthält die Antwort "alternatives": bieten Sie diese in der \
            genannten Reihenfolge an.
            - get_alternatives: weitere freie Zeiten um einen Wunsch herum (z. B. "nachmittags").
            - find_next_available: der nächste freie Termin für eine Leistung.
            - book_appointment: erst NACHDEM der Anrufer Leistung, Tag und Uhrzeit ausdrücklich bestätigt und \
            seinen Namen genannt hat. Nie ohne vorherige Prüfung mit check_availability. Die Telefonnummer, von \
            der angerufen wird, wird automatisch verwendet; fragen Sie nur, wenn sie fehlt.
            - get_appointments, cancel_appointment, reschedule_appointment: Termine des Anrufers nachsehen, \
            absagen, verschieben. Nennt die Antwort eine Gebühr, fragen Sie nach und rufen Sie erst nach einem \
            Ja mit confirm_fee:true erneut auf.
            - list_services, check_customer: Leistungen nennen; wissen, wer anruft und was er sonst bucht.
            - request_callback: wenn ein Wunsch am Telefon nicht zu erfüllen ist.
            - transfer_to_staff: nur wenn der Anrufer ausdrücklich eine Person sprechen möchte.
            - end_call: nach der Verabschiedung.

            Erfinden Sie nie freie Zeiten, Preise oder Namen. Was Sie nicht verstanden haben, fragen Sie nach.""";

    private static final String ENGLISH_PROMPT = """
            You are the friendly phone assistant of {{company_name}} ({{branch_name}}, {{branch_address}}). \
            You speak English, briefly and naturally, as on the phone.

            What you know: today is {{today_spoken}} ({{today}}), it is {{local_time}} ({{time_zone}}). \
            Services: {{services}}. Caller known: {{caller_known}}; name: {{caller_name}}. \
            If {{today}} is empty, call get_current_context first. Never work out dates yourself: pass day and \
            time on as the caller says them ("tomorrow", "next Tuesday", "half past two").

            How to use the functions:
            - Every answer has "ok" and "message". Say the "message" in your own words; it is written for the \
            caller. With ok:false the "message" says what to ask or offer: follow it.
            - check_availability: checks one exact slot (service, day, time) and holds it briefly for this call. \
            If it is taken, the answer contains "alternatives": offer them in the order given.
            - get_alternatives: more free times around a wish (e.g. "afternoons").
            - find_next_available: the next free slot for a service.
            - book_appointment: only AFTER the caller has explicitly confirmed service, day and time and given \
            their name. Never without checking with check_availability first. The number they are calling from is \
            used automatically; only ask when it is missing.
            - get_appointments, cancel_appointment, reschedule_appointment: look up, cancel, move the caller's \
            appointments. If the answer names a fee, ask, and only after a yes call again with confirm_fee:true.
            - list_services, check_customer: name the services; know who is calling and what they usually book.
            - request_callback: when a wish can't be met by phone.
            - transfer_to_staff: only when the caller explicitly asks for a person.
            - end_call: after saying goodbye.

            Never invent free times, prices or names. Ask back whatever you did not understand.""";
}
