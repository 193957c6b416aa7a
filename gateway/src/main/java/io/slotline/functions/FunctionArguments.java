package io.slotline.functions;

import io.slotline.observability.Masking;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.AnnotationIntrospector;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a function's arguments are read, bounded and logged: leniently (an LLM's stray or missing field is the
 * handler's to deal with), no text longer than anything a caller says, and without contact details in the log.
 */
final class FunctionArguments {

    /** Notes and reasons included, nothing a caller says in one breath is longer (the columns hold 2000). */
    static final int MAX_ARGUMENT_LENGTH = 2000;

    private FunctionArguments() {}

    /**
     * LLMs add stray fields and leave out required ones; rejecting either would fail calls for nothing. The schema
     * handed to Retell still marks them required; a handler asks for what is missing or knows it from the call (the
     * service talked about, the caller's number).
     */
    static JsonMapper lenient(JsonMapper json) {
        return json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .annotationIntrospector(AnnotationIntrospector.pair(
                        new NothingRequired(), json.deserializationConfig().getAnnotationIntrospector()))
                .build();
    }

    /** Lets the handlers, not the parser, deal with a missing argument. */
    private static final class NothingRequired extends NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
            return Boolean.FALSE;
        }
    }

    /** The first text argument (at any depth) longer than anything a caller says; none is spoken or sent on. */
    static Optional<String> tooLong(JsonNode node, @Nullable String path) {
        if (node.isString()) {
            return node.asString().length() > MAX_ARGUMENT_LENGTH
                    ? Optional.of(path == null ? "args" : path)
                    : Optional.empty();
        }
        if (node.isObject()) {
            for (var entry : node.properties()) {
                Optional<String> found =
                        tooLong(entry.getValue(), path == null ? entry.getKey() : path + "." + entry.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = tooLong(node.get(i), (path == null ? "args" : path) + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Arguments without contact details: the log is for replaying the conversation, not a customer database. */
    static String masked(JsonMapper json, Object args) {
        JsonNode tree = json.valueToTree(args);
        if (tree instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                JsonNode value = entry.getValue();
                if (value.isString()) {
                    String field = entry.getKey();
                    if (field.contains("phone")) {
                        object.put(field, Masking.phone(value.asString()));
                    } else if (field.contains("email")) {
                        object.put(field, Masking.email(value.asString()));
                    }
                }
            }
        }
        return json.writeValueAsString(tree);
    }
}
