package io.slotline.retell;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Retell body into a tree without its transcripts. A call object carries the whole word-timed conversation
 * (over 1 MiB for a 40-minute call), which nothing here needs: keeping it as a tree would hold the call several
 * times over. The transcripts are skipped while parsing; of {@code transcript_with_tool_calls} only the last tool
 * call invocation is kept, because its id makes a retried tool call recognisable.
 */
final class CallJson {

    /** Call fields read past, never materialised. */
    private static final Set<String> SKIPPED = Set.of(
            "transcript",
            "transcript_object",
            "scrubbed_transcript_with_tool_calls",
            "scrubbed_transcript",
            "transcript_with_tool_calls_object",
            "latency",
            "call_cost",
            "llm_token_usage");

    static final String TOOL_CALLS = "transcript_with_tool_calls";

    private final JsonMapper json;
    /** Reads one value where the parser stands; the rest of the document follows it. */
    private final ObjectReader value;

    CallJson(JsonMapper json) {
        this.json = json;
        this.value = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** @return the tree without transcripts, or null when the body is empty or not JSON */
    @Nullable JsonNode read(byte[] body, int length) {
        if (length == 0) {
            return null;
        }
        try (JsonParser parser = json.createParser(body, 0, length)) {
            JsonNode tree = parser.nextToken() == JsonToken.START_OBJECT ? root(parser) : value.readValue(parser);
            return parser.nextToken() == null ? tree : null; // trailing content: not one JSON value
        } catch (JacksonException e) {
            return null;
        }
    }

    private ObjectNode root(JsonParser parser) {
        ObjectNode root = json.createObjectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            boolean conversation = "call".equals(name) || "chat".equals(name);
            root.set(
                    name,
                    conversation && token == JsonToken.START_OBJECT ? call(parser) : value.<JsonNode>readValue(parser));
        }
        return root;
    }

    private ObjectNode call(JsonParser parser) {
        ObjectNode call = json.createObjectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (TOOL_CALLS.equals(name) && token == JsonToken.START_ARRAY) {
                call.set(name, lastInvocation(parser));
            } else if (SKIPPED.contains(name)) {
                parser.skipChildren();
            } else {
                call.set(name, value.<JsonNode>readValue(parser));
            }
        }
        return call;
    }

    /** Walks the entries one at a time; only the newest tool_call_invocation survives. */
    private ArrayNode lastInvocation(JsonParser parser) {
        JsonNode last = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode entry = value.readValue(parser);
            if (entry != null && "tool_call_invocation".equals(RetellPayloads.text(entry, "role"))) {
                last = entry;
            }
        }
        ArrayNode kept = json.createArrayNode();
        if (last != null) {
            kept.add(last);
        }
        return kept;
    }
}
