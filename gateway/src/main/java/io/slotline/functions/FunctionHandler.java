package io.slotline.functions;

/**
 * One function the voice agent can call. Implementations are Spring beans; {@link FunctionDispatcher} finds them by
 * {@link #name()}. The args record is both the parser of the LLM's arguments and the source of the JSON schema handed
 * to Retell, so the two can never drift.
 *
 * @param <A> a record; document fields with {@code @JsonPropertyDescription}, mark required ones with
 *            {@code @JsonProperty(required = true)}
 */
public interface FunctionHandler<A> {

    String name();

    /** What the LLM reads to decide when to call this function. */
    String description();

    Class<A> argsType();

    /** Whether answering may wait for Cal.com: the agent then says a filler sentence while it runs. */
    default boolean asksCalendar() {
        return false;
    }

    FunctionResult handle(CallContext context, A args);
}
