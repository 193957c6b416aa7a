package io.slotline.speech;

import io.slotline.speech.SpokenTime.Meridiem;
import io.slotline.tenancy.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The spoken forms of a clock time, in the order the scanner tries them: phrases built around "halb", "viertel",
 * "nach", "past" first, so that their parts are not read as separate times, then digit forms, then a bare hour.
 */
final class TimeForms {

    @FunctionalInterface
    interface Builder {
        /** The time, or null when the match turns out not to be a time ("two one"). */
        @Nullable SpokenTime build(MatchResult match);
    }

    record Form(String name, Pattern pattern, Builder builder, Use use) {}

    enum Use {
        /** Scanned everywhere and usable as a window bound. */
        ALWAYS,
        /** Scanned everywhere, never a window bound (the window phrase has its own "um"/"at"). */
        SCAN_ONLY,
        /** A lone number: a time only where the whole argument is a time, and as a window bound ("bis 12"). */
        STANDALONE
    }

    static final String NUMBER = "((?<![\\d.:])\\d{1,2}(?!\\d)|" + NumberWords.REGEX + ")";

    private static final Map<Language, TimeForms> BY_LANGUAGE = new EnumMap<>(Language.class);
    /** German text that does not end in "am": there "am" is never a.m. ("um vier am Nachmittag"). */
    private static final TimeForms GERMAN_WITHOUT_AM = new TimeForms(Language.DE, false);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new TimeForms(language, true));
        }
    }

    final List<Form> forms;
    /** "zwischen 10 und 12", "between 2 and 4 pm": groups 1 and 2 are the bounds. */
    final Pattern between;
    /** "von 10 bis 12", "from 2 to 4". */
    final Pattern fromTo;
    /** "14 bis 16 Uhr" (groups 1, 2) or, with digits only, "10-12 Uhr" (groups 3, 4). */
    final Pattern range;
    /** "ab 15 Uhr", "after 3pm": group 1 the keyword, group 2 the bound. */
    final Pattern after;
    /** "bis 12", "before noon": group 1 the keyword, group 2 the bound. */
    final Pattern before;

    private TimeForms(Language language, boolean amMayBeMeridiem) {
        // In German "am" after a number is the preposition of "um 10 am Dienstag"; only at the very end is it a.m.
        String meridiem = language == Language.EN ? "(am|pm)" : amMayBeMeridiem ? "(am(?=\\s*$)|pm)" : "(pm)";
        this.forms = List.of(
                form(
                        "vor/nach halb",
                        "{N}\\s+(vor|nach)\\s+halb\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> minutes(m, 1) == 0
                                ? null
                                : SpokenTime.relativeTo(
                                        number(m, 3), -30 + signed(m.group(2), minutes(m, 1)), Meridiem.NONE)),
                form(
                        "halb",
                        "(?<![a-z])halb\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 1), -30, Meridiem.NONE)),
                form(
                        "viertel nach/vor",
                        "(?<![a-z])viertel\\s+(nach|vor)\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 2), signed(m.group(1), 15), Meridiem.NONE)),
                form(
                        "dreiviertel",
                        "(?<![a-z])drei\\s?viertel\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 1), -15, Meridiem.NONE)),
                form(
                        "viertel",
                        "(?<![a-z])viertel\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 1), -45, Meridiem.NONE)),
                form(
                        "minuten nach/vor",
                        "{N}(?:\\s+minuten)?\\s+(nach|vor)\\s+{N}",
                        meridiem,
                        Use.ALWAYS,
                        m -> minutes(m, 1) == 0
                                ? null
                                : SpokenTime.relativeTo(
                                        number(m, 3), signed(m.group(2), minutes(m, 1)), Meridiem.NONE)),
                form(
                        "half past",
                        "(?<![a-z])half\\s+past\\s+{N}(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 1), 30, Meridiem.of(m.group(2)))),
                // British "half four" is half past four; English only (German "halb vier" is 3:30)
                form(
                        "half four",
                        language == Language.EN
                                ? "(?<![a-z])half\\s+{N}(?!\\s*(?:past|an?\\s+hour|hours?)(?![a-z]))(?:\\s*{M})?"
                                : "(?!)",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 1), 30, Meridiem.of(m.group(2)))),
                form(
                        "quarter past/to",
                        "(?<![a-z])(?:a\\s+)?quarter\\s+(past|after|to|till|of)\\s+{N}(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.relativeTo(number(m, 2), signed(m.group(1), 15), Meridiem.of(m.group(3)))),
                form(
                        "minutes past",
                        "{N}(?:\\s+minutes?)?\\s+(past|after)\\s+{N}(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> minutes(m, 1) == 0
                                ? null
                                : SpokenTime.relativeTo(number(m, 3), minutes(m, 1), Meridiem.of(m.group(4)))),
                // Digits before "to" need "minutes": "from 2 to 4" is a range, not 3:58.
                form(
                        "minutes to",
                        "({W}|(?<![\\d.:])\\d{1,2}(?=\\s+minutes?))(?:\\s+minutes?)?\\s+(to|till|of)\\s+{N}(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> minutes(m, 1) == 0
                                ? null
                                : SpokenTime.relativeTo(number(m, 3), -minutes(m, 1), Meridiem.of(m.group(4)))),
                form("two thirty", "({W})\\s+({W})(?:\\s*{M})?", meridiem, Use.ALWAYS, m -> {
                    int hour = number(m, 1);
                    int minute = number(m, 2);
                    return hour >= 1 && hour <= 12 && minute >= 10
                            ? SpokenTime.clock(hour, minute, Meridiem.of(m.group(3)), false)
                            : null;
                }),
                form(
                        "hh:mm",
                        "(?<![\\d.:])(\\d{1,2})[:.](\\d{2})(?::\\d{2})?(?!\\d)(?:\\s*{M})?(?:\\s*(?:uhr|h)(?![a-z]))?",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.clock(number(m, 1), number(m, 2), Meridiem.of(m.group(3)), leadingZero(m, 1))),
                form(
                        "14h30",
                        "(?<![\\d.:])(\\d{1,2})\\s?h(\\d{2})?(?![a-z\\d])",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.clock(
                                number(m, 1), m.group(2) == null ? 0 : number(m, 2), Meridiem.NONE, leadingZero(m, 1))),
                form(
                        "uhr",
                        "{N}\\s+uhr(?:\\s+((?<![\\d.:])\\d{1,2}(?![\\d:])(?!\\.\\d)|{W}))?(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.clock(
                                number(m, 1),
                                m.group(2) == null ? 0 : number(m, 2),
                                Meridiem.of(m.group(3)),
                                leadingZero(m, 1))),
                form(
                        "am/pm",
                        "{N}\\s*{M}",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.clock(number(m, 1), 0, Meridiem.of(m.group(2)), false)),
                form(
                        "o'clock",
                        "{N}\\s*oclock(?:\\s*{M})?",
                        meridiem,
                        Use.ALWAYS,
                        m -> SpokenTime.clock(number(m, 1), 0, Meridiem.of(m.group(2)), false)),
                form(
                        "noon",
                        "(?<![a-z])(?:12\\s+)?(noon|midday|mittag|mitternacht|midnight)(?![a-z])",
                        meridiem,
                        Use.ALWAYS,
                        m -> switch (m.group(1)) {
                            case "mitternacht", "midnight" -> SpokenTime.clock(0, 0, Meridiem.NONE, true);
                            default -> SpokenTime.clock(12, 0, Meridiem.NONE, true);
                        }),
                form(
                        "um 3",
                        "(?<![a-z])(?:um|at|gegen|around|about|circa|ca\\.?|etwa)\\s+{N}(?![\\d:])(?!\\.\\d)(?:\\s*{M})?",
                        meridiem,
                        Use.SCAN_ONLY,
                        m -> SpokenTime.clock(number(m, 1), 0, Meridiem.of(m.group(2)), leadingZero(m, 1))),
                form(
                        "bare hour",
                        "{N}(?![\\d:])(?!\\.\\d)",
                        meridiem,
                        Use.STANDALONE,
                        m -> SpokenTime.clock(number(m, 1), 0, Meridiem.NONE, leadingZero(m, 1))));
        String bound = forms.stream()
                .filter(form -> form.use() != Use.SCAN_ONLY)
                .map(form -> withoutCaptures(form.pattern().pattern()))
                .collect(Collectors.joining("|", "(", ")"));
        String at = "(?:(?:um|at)\\s+)?";
        this.between = Pattern.compile(
                "(?<![a-z])(?:zwischen|between)\\s+" + at + bound + "\\s+(?:und|and|-)\\s+" + at + bound);
        this.fromTo = Pattern.compile(
                "(?<![a-z])(?:von|vom|from)\\s+" + at + bound + "\\s*(?:bis|to|till|until|-)\\s*" + at + bound);
        this.range = Pattern.compile(
                "(?<![\\d.:/-])(?:" + bound + "\\s+bis\\s+" + at + bound
                        + "|((?<![\\d.:/-])\\d{1,2}(?:[:.]\\d{2})?)\\s*-\\s*(\\d{1,2}(?:[:.]\\d{2})?)(?![\\d:])(?:\\s*uhr(?![a-z]))?)");
        // "nicht nach 16 Uhr" and "not after 4" are upper bounds: "nach"/"after" right after a negation is not a start
        String notNegated = "(?<!nicht\\s)(?<!not\\s)(?<!no\\s)";
        this.after = Pattern.compile("(?<![a-z])" + notNegated + "(ab|nach|after|from|seit|since|fruehestens(?:\\s+um)?"
                + "|not\\s+before|nicht\\s+vor|nicht\\s+frueher\\s+als|no\\s+earlier\\s+than|later\\s+than"
                + "|anytime\\s+after)\\s+" + at + bound);
        this.before = Pattern.compile("(?<![a-z])" + notNegated + "(bis|before|until|till|vor|spaetestens(?:\\s+um)?"
                + "|no\\s+later\\s+than|not\\s+after|nicht\\s+nach|nicht\\s+spaeter\\s+als|by)\\s+" + at + bound);
    }

    static TimeForms of(Language language) {
        return Objects.requireNonNull(BY_LANGUAGE.get(language)); // one for every language
    }

    /** @param amMayBeMeridiem false for German text not ending in "am", where "am" is always the preposition */
    static TimeForms of(Language language, boolean amMayBeMeridiem) {
        return language == Language.DE && !amMayBeMeridiem ? GERMAN_WITHOUT_AM : of(language);
    }

    /** Reads text that one of the forms matches entirely (a window bound), or null. */
    @Nullable SpokenTime interpret(String text) {
        for (Form form : forms) {
            Matcher matcher = form.pattern().matcher(text);
            if (matcher.matches()) {
                SpokenTime time = form.builder().build(matcher);
                if (time != null) {
                    return time;
                }
            }
        }
        return null;
    }

    private static Form form(String name, String template, String meridiem, Use use, Builder builder) {
        String regex = template.replace("{N}", NUMBER)
                .replace("{W}", NumberWords.REGEX)
                .replace("{M}", meridiem);
        return new Form(name, Pattern.compile(regex), builder, use);
    }

    private static String withoutCaptures(String regex) {
        return regex.replaceAll("\\((?!\\?)", "(?:");
    }

    private static int number(MatchResult match, int group) {
        return NumberWords.require(match.group(group));
    }

    /** Minutes in "zehn nach drei"; 0 means "not a minute count" (half an hour has its own word). */
    private static int minutes(MatchResult match, int group) {
        int value = NumberWords.require(match.group(group).replaceAll("\\s*minutes?$", ""));
        return value >= 1 && value <= 29 ? value : 0;
    }

    private static int signed(String direction, int minutes) {
        return switch (direction) {
            case "vor", "to", "till", "of" -> -minutes;
            default -> minutes;
        };
    }

    private static boolean leadingZero(MatchResult match, int group) {
        String token = match.group(group);
        return token.length() == 2 && token.charAt(0) == '0';
    }
}
