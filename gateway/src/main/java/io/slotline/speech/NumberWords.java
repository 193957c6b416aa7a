package io.slotline.speech;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** German and English number words from 0 to 59, in folded spelling ("fuenf", "dreissig", "twenty-one"). */
final class NumberWords {

    private static final Map<String, Integer> VALUES = build();

    private static final String GERMAN_UNITS = "ein|zwei|drei|vier|fuenf|sechs|sieben|acht|neun";
    private static final String ENGLISH_UNITS = "one|two|three|four|five|six|seven|eight|nine";

    /**
     * Matches any number word as a whole word, non-capturing. Written as compounds rather than a list of all
     * spellings: the regex is embedded in many patterns and tried at every position.
     */
    static final String REGEX = "(?<![a-z])(?:"
            + "(?:" + GERMAN_UNITS + ")und(?:zwanzig|dreissig|vierzig|fuenfzig)"
            + "|(?:twenty|thirty|forty|fifty)(?:[\\s-](?:" + ENGLISH_UNITS + "))?"
            + "|zwanzig|dreissig|vierzig|fuenfzig"
            + "|dreizehn|vierzehn|fuenfzehn|sechzehn|siebzehn|achtzehn|neunzehn"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            + "|eins|eine|ein|zwei|zwo|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|null"
            + "|" + ENGLISH_UNITS + "|ten|eleven|twelve|zero"
            + ")(?![a-z])";

    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s-]+");

    private NumberWords() {}

    /** Value of digits or a number word; empty when the token is neither. */
    static OptionalInt valueOf(String token) {
        String trimmed = token.trim();
        if (DIGITS.matcher(trimmed).matches()) {
            return OptionalInt.of(Integer.parseInt(trimmed));
        }
        Integer value = VALUES.get(SEPARATOR.matcher(trimmed).replaceAll(" "));
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** For tokens the surrounding regex already guaranteed to be a number. */
    static int require(String token) {
        return valueOf(token).orElseThrow(() -> new IllegalArgumentException("not a number: " + token));
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> values = new HashMap<>();
        String[] germanUnits = {
            "null",
            "eins",
            "zwei",
            "drei",
            "vier",
            "fuenf",
            "sechs",
            "sieben",
            "acht",
            "neun",
            "zehn",
            "elf",
            "zwoelf",
            "dreizehn",
            "vierzehn",
            "fuenfzehn",
            "sechzehn",
            "siebzehn",
            "achtzehn",
            "neunzehn"
        };
        String[] englishUnits = {
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen"
        };
        for (int i = 0; i < germanUnits.length; i++) {
            values.put(germanUnits[i], i);
            values.put(englishUnits[i], i);
        }
        values.put("ein", 1);
        values.put("eine", 1);
        values.put("zwo", 2);
        String[] germanTens = {"zwanzig", "dreissig", "vierzig", "fuenfzig"};
        String[] englishTens = {"twenty", "thirty", "forty", "fifty"};
        String[] germanCompoundUnits = {"ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun"};
        for (int t = 0; t < germanTens.length; t++) {
            int tens = (t + 2) * 10;
            values.put(germanTens[t], tens);
            values.put(englishTens[t], tens);
            for (int u = 1; u <= 9; u++) {
                values.put(germanCompoundUnits[u - 1] + "und" + germanTens[t], tens + u);
                values.put(englishTens[t] + " " + englishUnits[u], tens + u);
            }
        }
        return Map.copyOf(values);
    }
}
