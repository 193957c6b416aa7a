package io.slotline.bench.calls;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What callers want and how they behave. Intent weights are relative (normalised over the four); every other
 * field is a probability in [0, 1].
 *
 * @param book                      caller checks availability and books
 * @param inquire                   caller only asks, then hangs up
 * @param cancel                    caller cancels an appointment
 * @param reschedule                caller moves an appointment
 * @param otherTenant               share of calls dialling Other Cuts instead of Demo Salon
 * @param findNextFirst             caller opens with "when is your next free slot?"
 * @param findNextAfterAlternatives after hearing alternatives, caller still asks for the next free slot
 * @param staffPreference           caller names a staff member
 * @param customerPhone             agent passes the caller's phone number when booking
 * @param spokenSynonym             caller names the service by a synonym ("Herrenschnitt")
 * @param closedDay                 caller asks for a day the business is closed
 */
public record CallMix(
        double book,
        double inquire,
        double cancel,
        double reschedule,
        double otherTenant,
        double findNextFirst,
        double findNextAfterAlternatives,
        double staffPreference,
        double customerPhone,
        double spokenSynonym,
        double closedDay) {

    public CallMix {
        double[] all = {
            book,
            inquire,
            cancel,
            reschedule,
            otherTenant,
            findNextFirst,
            findNextAfterAlternatives,
            staffPreference,
            customerPhone,
            spokenSynonym,
            closedDay
        };
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("mix weights must be finite and >= 0");
            }
        }
        if (book + inquire + cancel + reschedule <= 0) {
            throw new IllegalArgumentException("at least one of book, inquire, cancel, reschedule must be > 0");
        }
        for (double p : new double[] {
            otherTenant,
            findNextFirst,
            findNextAfterAlternatives,
            staffPreference,
            customerPhone,
            spokenSynonym,
            closedDay
        }) {
            if (p > 1) {
                throw new IllegalArgumentException("probabilities must be <= 1");
            }
        }
    }

    /** About half the calls book, about one in ten cancels or reschedules. */
    public static CallMix defaults() {
        return new CallMix(0.50, 0.40, 0.05, 0.05, 0.25, 0.15, 0.30, 0.15, 0.5, 0.05, 0.03);
    }

    /** {@code "book=0.6,cancel=0.1"}: keys as the record components (or kebab-case), unnamed ones keep defaults. */
    public static CallMix parse(String spec) {
        Map<String, Double> values = defaults().asMap();
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("mix entry must be key=value: " + trimmed);
            }
            String key = camel(trimmed.substring(0, eq).trim());
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("unknown mix key '" + key + "', known: " + values.keySet());
            }
            try {
                values.put(key, Double.parseDouble(trimmed.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mix value for " + key + " is not a number: " + trimmed);
            }
        }
        return new CallMix(
                share(values, "book"),
                share(values, "inquire"),
                share(values, "cancel"),
                share(values, "reschedule"),
                share(values, "otherTenant"),
                share(values, "findNextFirst"),
                share(values, "findNextAfterAlternatives"),
                share(values, "staffPreference"),
                share(values, "customerPhone"),
                share(values, "spokenSynonym"),
                share(values, "closedDay"));
    }

    /** A key of the mix: {@code values} starts with every key's default and refuses unknown keys. */
    private static double share(Map<String, Double> values, String key) {
        return Objects.requireNonNull(values.get(key), key);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("book", book);
        map.put("inquire", inquire);
        map.put("cancel", cancel);
        map.put("reschedule", reschedule);
        map.put("otherTenant", otherTenant);
        map.put("findNextFirst", findNextFirst);
        map.put("findNextAfterAlternatives", findNextAfterAlternatives);
        map.put("staffPreference", staffPreference);
        map.put("customerPhone", customerPhone);
        map.put("spokenSynonym", spokenSynonym);
        map.put("closedDay", closedDay);
        return map;
    }

    private static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String camel = out.toString();
        return camel.isEmpty() ? camel : camel.substring(0, 1).toLowerCase(Locale.ROOT) + camel.substring(1);
    }
}
