package io.slotline.functions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** jqwik generators of hostile JSON for the bad-input suite. */
final class FuzzValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FuzzValues() {}

    /** Any JSON value: text of every kind, numbers at the edges, booleans, null, lists and objects. */
    static Arbitrary<JsonNode> json() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("0123456789:.-+ /T").ofMaxLength(25),
                Arbitraries.of(
                        "morgen",
                        "heute",
                        "übermorgen",
                        "nächsten Dienstag",
                        "14 Uhr",
                        "halb drei",
                        "2pm",
                        "Herrenhaarschnitt",
                        "Färben",
                        "vormittags",
                        "ab 15 Uhr",
                        "+4915112345678",
                        "0151 1234567",
                        "9999-12-31",
                        "2026-02-30",
                        "24:00",
                        "-1",
                        "0",
                        "NaN",
                        "null",
                        "'; DROP TABLE calls; --",
                        "<img src=x onerror=alert(1)>",
                        "${jndi:ldap://x}",
                        "\u202E",
                        "\r\nERROR forged line"),
                Arbitraries.strings().ofLength(2_001));
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                texts.map(text -> JSON.getNodeFactory().stringNode(text)),
                Arbitraries.longs().map(n -> JSON.getNodeFactory().numberNode(n)),
                Arbitraries.doubles().map(n -> JSON.getNodeFactory().numberNode(n)),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(n -> JSON.getNodeFactory().numberNode(n)),
                Arbitraries.of(true, false).map(b -> JSON.getNodeFactory().booleanNode(b)),
                Arbitraries.just(JSON.getNodeFactory().nullNode()));
        return Arbitraries.oneOf(
                scalars,
                scalars,
                scalars,
                scalars.list().ofMaxSize(3).map(list -> {
                    var array = JSON.createArrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), scalars)
                        .ofMaxSize(3)
                        .map(map -> {
                            ObjectNode object = JSON.createObjectNode();
                            map.forEach(object::set);
                            return object;
                        }));
    }
}
