package io.slotline.speech;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words around dates and times, in folded spelling: which ones carry no meaning for the day or hour (fillers an
 * LLM or caller adds), which ones turn a statement around (negations), which ones belong to the date vocabulary, and
 * ordinal numbers written out. Also the two rewrites applied before scanning: spelled-out ordinals become digits
 * ("am zwanzigsten" → "am 20.") and a misspelt date word becomes the word it unmistakably is ("Dienstga" →
 * "dienstag").
 */
final class Vocabulary {

    /** Words that change nothing about which day or hour is meant, wherever they stand. */
    static final Set<String> FILLERS = Set.copyOf(List.of(
            // German
            "am",
            "um",
            "im",
            "in",
            "an",
            "auf",
            "zu",
            "zum",
            "zur",
            "den",
            "dem",
            "der",
            "die",
            "das",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "es",
            "ich",
            "wir",
            "sie",
            "er",
            "mir",
            "mich",
            "uns",
            "ihr",
            "ihm",
            "ihn",
            "man",
            "bitte",
            "gern",
            "gerne",
            "danke",
            "ja",
            "okay",
            "ok",
            "also",
            "so",
            "dann",
            "denn",
            "doch",
            "mal",
            "halt",
            "eben",
            "eigentlich",
            "vielleicht",
            "wohl",
            "ganz",
            "gut",
            "geht",
            "gehen",
            "ginge",
            "gehts",
            "passt",
            "passen",
            "wuerde",
            "wuerden",
            "moechte",
            "moechten",
            "will",
            "wollen",
            "wollte",
            "kann",
            "koennte",
            "koennten",
            "haette",
            "haetten",
            "habe",
            "hat",
            "haben",
            "ist",
            "sind",
            "waere",
            "bin",
            "kommen",
            "komme",
            "kommt",
            "vorbeikommen",
            "vorbeischauen",
            "termin",
            "fuer",
            "mit",
            "und",
            "oder",
            "bzw",
            "beziehungsweise",
            "wenn",
            "moeglich",
            "frei",
            "freien",
            "freier",
            "zeit",
            "uhrzeit",
            "datum",
            "kunde",
            "kundin",
            "anrufer",
            "anruferin",
            "gewuenscht",
            "wunsch",
            "wunschtermin",
            "aeh",
            "aehm",
            "hm",
            "hmm",
            "ah",
            "genau",
            "sagen",
            "sagt",
            "evtl",
            "eventuell",
            "irgendwann",
            "noch",
            "schon",
            "wieder",
            "auch",
            "nur",
            "lieber",
            "besten",
            "liebsten",
            "buchen",
            "gebucht",
            "vereinbaren",
            "machen",
            "da",
            "hier",
            "dort",
            "bei",
            "beim",
            "von",
            "vom",
            "wie",
            "was",
            "wann",
            "welcher",
            "welchen",
            "sowas",
            "sonst",
            "jetzt",
            "gleich",
            "sofort",
            "bald",
            "fruehstmoeglich",
            "naechstmoeglich",
            // English
            "the",
            "a",
            "on",
            "at",
            "of",
            "for",
            "to",
            "please",
            "thanks",
            "thank",
            "you",
            "yes",
            "yeah",
            "well",
            "maybe",
            "perhaps",
            "probably",
            "like",
            "would",
            "i",
            "we",
            "he",
            "she",
            "they",
            "caller",
            "customer",
            "client",
            "wants",
            "want",
            "wanted",
            "prefer",
            "prefers",
            "preferably",
            "ideally",
            "book",
            "booking",
            "appointment",
            "slot",
            "time",
            "date",
            "is",
            "are",
            "be",
            "can",
            "could",
            "come",
            "in",
            "available",
            "free",
            "if",
            "possible",
            "works",
            "work",
            "good",
            "fine",
            "uh",
            "er",
            "erm",
            "um",
            "ah",
            "just",
            "also",
            "and",
            "or",
            "sometime",
            "some",
            "any",
            "how",
            "about",
            "what",
            "that",
            "it",
            "its",
            "me",
            "my",
            "our",
            "us",
            "there",
            "then",
            "now",
            "soon",
            "asap",
            "sure",
            "great",
            "lets",
            "say",
            "said",
            "do",
            "does",
            "with",
            "see",
            "get",
            "have",
            "has",
            "had",
            "will",
            "shall",
            "should",
            "best",
            "for",
            "by",
            "an",
            "as",
            "ab",
            "from",
            "starting",
            "earliest",
            "latest",
            "sich",
            "wuenscht",
            "wuenschen",
            "moechten",
            "gewuenschter",
            "hoffentlich",
            "over",
            "during",
            "sometime",
            "anytime",
            "whenever",
            "wann"));

    /** Words that deny or exclude what follows: never dropped, never guessed around. */
    static final Set<String> NEGATIONS = Set.of(
            "nicht",
            "kein",
            "keine",
            "keinen",
            "keinem",
            "keiner",
            "nie",
            "niemals",
            "keinesfalls",
            "keineswegs",
            "ausser",
            "ausgenommen",
            "ohne",
            "not",
            "never",
            "except",
            "excluding",
            "without",
            "isnt",
            "dont",
            "doesnt",
            "cant",
            "cannot",
            "wont",
            "nope");

    /**
     * The date and time vocabulary: a leftover one was said in a combination no form accounts for, and a misspelt
     * word is corrected only to one of these. Short English abbreviations that are also ordinary words ("may",
     * "sun", "mon", "sat", "wed", "mar") are left out.
     */
    static final Set<String> DATE_WORDS = Set.copyOf(List.of(
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonnabend",
            "sonntag",
            "montags",
            "dienstags",
            "mittwochs",
            "donnerstags",
            "freitags",
            "samstags",
            "sonntags",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "januar",
            "jaenner",
            "februar",
            "feber",
            "maerz",
            "april",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
            "january",
            "february",
            "march",
            "june",
            "july",
            "october",
            "december",
            "heute",
            "morgen",
            "uebermorgen",
            "gestern",
            "vorgestern",
            "today",
            "tomorrow",
            "yesterday",
            "tonight",
            "naechste",
            "naechsten",
            "naechster",
            "naechstes",
            "kommende",
            "kommenden",
            "kommender",
            "kommendes",
            "diese",
            "diesen",
            "dieser",
            "dieses",
            "uebernaechste",
            "uebernaechsten",
            "uebernaechster",
            "letzte",
            "letzten",
            "letzter",
            "letztes",
            "vorige",
            "vorigen",
            "voriger",
            "vergangene",
            "vergangenen",
            "vergangener",
            "vorletzte",
            "vorletzten",
            "next",
            "coming",
            "upcoming",
            "this",
            "last",
            "previous",
            "following",
            "woche",
            "wochen",
            "tag",
            "tage",
            "tagen",
            "week",
            "weeks",
            "day",
            "days",
            "monat",
            "monate",
            "monaten",
            "month",
            "months",
            "jahr",
            "year",
            "wochenende",
            "weekend",
            "wochenanfang",
            "wochenmitte",
            "anfang",
            "mitte",
            "ende",
            "beginning",
            "start",
            "middle",
            "end",
            "early",
            "late",
            "later",
            "mid",
            "midweek",
            "vormittag",
            "vormittags",
            "nachmittag",
            "nachmittags",
            "abend",
            "abends",
            "morgens",
            "mittag",
            "mittags",
            "mittagszeit",
            "frueh",
            "nacht",
            "nachts",
            "morning",
            "mornings",
            "afternoon",
            "afternoons",
            "evening",
            "evenings",
            "night",
            "noon",
            "midday",
            "midnight",
            "mitternacht",
            "lunchtime",
            "lunch",
            "halb",
            "viertel",
            "dreiviertel",
            "quarter",
            "half",
            "past",
            "uhr",
            "oclock",
            "zwischen",
            "between",
            "fruehestens",
            "spaetestens",
            "stunde",
            "stunden",
            "hour",
            "hours",
            "minuten",
            "minutes",
            "feiertag",
            "feiertage",
            "holiday",
            "ago",
            "jeden",
            "jede",
            "every",
            "each",
            "immer",
            "always",
            "taeglich",
            "daily",
            "woechentlich",
            "weekly",
            "bis",
            "nach",
            "vor",
            "after",
            "before",
            "until",
            "till",
            "from",
            "since",
            "seit",
            "gegen",
            "around",
            "etwa",
            "circa",
            "ungefaehr",
            "kurz",
            "shortly",
            "roughly",
            "approximately"));

    /**
     * Date words that only give a direction or a hint ("bis", "after", "gegen"): a leftover one matters only next to
     * what was understood, like an unknown word. Every other leftover date word was said in a combination no form
     * accounts for.
     */
    static final Set<String> HINT_WORDS = Set.of(
            "bis",
            "nach",
            "vor",
            "after",
            "before",
            "until",
            "till",
            "since",
            "seit",
            "between",
            "zwischen",
            "gegen",
            "around",
            "etwa",
            "circa",
            "ungefaehr",
            "kurz",
            "shortly",
            "roughly",
            "approximately",
            "past",
            "day",
            "tag",
            "this",
            "uhr",
            "fruehestens",
            "spaetestens");

    private static final Map<String, Integer> GERMAN_ORDINALS = germanOrdinals();
    private static final Map<String, Integer> ENGLISH_ORDINALS = englishOrdinals();
    private static final Set<String> MONTH_WORDS = Set.of(
            "januar",
            "jaenner",
            "january",
            "jan",
            "februar",
            "feber",
            "february",
            "feb",
            "febr",
            "maerz",
            "marz",
            "march",
            "mar",
            "mrz",
            "april",
            "apr",
            "mai",
            "may",
            "juni",
            "june",
            "jun",
            "juli",
            "july",
            "jul",
            "august",
            "aug",
            "september",
            "sept",
            "sep",
            "oktober",
            "october",
            "okt",
            "oct",
            "november",
            "nov",
            "dezember",
            "december",
            "dez",
            "dec");
    /** Words after which a German ordinal is a day of the month: "am zwanzigsten", "bis zum ersten". */
    private static final Set<String> GERMAN_ORDINAL_LEADS =
            Set.of("am", "den", "dem", "der", "zum", "vom", "ab", "bis", "des", "diesen", "naechsten", "kommenden");

    private static final Set<String> ORDINAL_FOLLOWERS = Set.of(
            "um", "at", "bitte", "please", "oder", "or", "und", "and", "ab", "im", "in", "on", "of", "so", "dann",
            "then", "wenn", "if", "am", "pm", "uhr");
    private static final Pattern TOKEN = Pattern.compile("(?<![a-z\\d])[a-z]+(?![a-z\\d])");
    private static final Pattern ENGLISH_COMPOUND_ORDINAL = Pattern.compile(
            "(?<![a-z])(twenty|thirty)[\\s-](first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)(?![a-z])");
    private static final int SHORTEST_CORRECTED = 5;
    private static final int SHORTEST_CORRECTED_TWICE = 8;

    private Vocabulary() {}

    /** Spelled-out ordinals of days become digits, misspelt date words their proper spelling. */
    static String rewrite(String normalised) {
        String text = normalised.indexOf("twenty") >= 0 || normalised.indexOf("thirty") >= 0
                ? ENGLISH_COMPOUND_ORDINAL.matcher(normalised).replaceAll("$1$2")
                : normalised;
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        String previous = "";
        while (matcher.find()) {
            String token = matcher.group();
            String replacement = null;
            Integer german = GERMAN_ORDINALS.get(token);
            Integer english = ENGLISH_ORDINALS.get(token);
            if (german != null
                    && ((GERMAN_ORDINAL_LEADS.contains(previous) && dateMayFollow(text, matcher.end()))
                            || monthFollows(text, matcher.end()))) {
                replacement = german + ".";
            } else if (english != null
                    && ((previous.equals("the") && dateMayFollow(text, matcher.end()))
                            || MONTH_WORDS.contains(previous)
                            || monthFollows(text, matcher.end()))) {
                replacement = english + suffix(english);
            } else if (german == null && english == null) {
                replacement = corrected(token);
            }
            if (replacement != null && !replacement.equals(token)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                }
                out.append(text, copied, matcher.start()).append(replacement);
                copied = matcher.end();
            }
            previous = token;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * "am ersten", "the first at 10": an ordinal after an article is a day of the month unless a word follows that
     * makes it something else ("am ersten freien Tag", "the first available").
     */
    private static boolean dateMayFollow(String text, int end) {
        Matcher next = TOKEN.matcher(text);
        if (!next.find(end)) {
            return true;
        }
        String word = next.group();
        return DATE_WORDS.contains(word) || ORDINAL_FOLLOWERS.contains(word);
    }

    /** "ersten März", "first of March", "first March". */
    private static boolean monthFollows(String text, int end) {
        Matcher next = TOKEN.matcher(text);
        if (!next.find(end)) {
            return false;
        }
        String word = next.group();
        if (word.equals("of") && next.find()) {
            word = next.group();
        }
        return MONTH_WORDS.contains(word);
    }

    private static String suffix(int day) {
        if (day % 10 == 1 && day != 11) {
            return "st";
        }
        if (day % 10 == 2 && day != 12) {
            return "nd";
        }
        if (day % 10 == 3 && day != 13) {
            return "rd";
        }
        return "th";
    }

    /**
     * The date word a misspelt token unmistakably is: same first letter, one edit away (two for words of eight or
     * more letters), and no other date word as close. Null when the token is known, short, or not that clear.
     */
    static @Nullable String corrected(String token) {
        if (token.length() < SHORTEST_CORRECTED
                || FILLERS.contains(token)
                || NEGATIONS.contains(token)
                || DATE_WORDS.contains(token)) {
            return null;
        }
        int allowed = token.length() >= SHORTEST_CORRECTED_TWICE ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String word : DATE_WORDS) {
            if (word.charAt(0) != token.charAt(0) || Math.abs(word.length() - token.length()) > allowed) {
                continue;
            }
            int distance = distance(token, word, allowed);
            if (distance > allowed) {
                continue;
            }
            if (distance < bestDistance) {
                best = word;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Optimal string alignment distance (a swap of neighbours is one edit), cut off above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private static Map<String, Integer> germanOrdinals() {
        Map<String, Integer> stems = new HashMap<>();
        String[] units = {
            "erst",
            "zweit",
            "dritt",
            "viert",
            "fuenft",
            "sechst",
            "siebt",
            "acht",
            "neunt",
            "zehnt",
            "elft",
            "zwoelft",
            "dreizehnt",
            "vierzehnt",
            "fuenfzehnt",
            "sechzehnt",
            "siebzehnt",
            "achtzehnt",
            "neunzehnt"
        };
        for (int i = 0; i < units.length; i++) {
            stems.put(units[i], i + 1);
        }
        stems.put("siebent", 7);
        stems.put("zwanzigst", 20);
        stems.put("dreissigst", 30);
        String[] compoundUnits = {"ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun"};
        for (int u = 0; u < compoundUnits.length; u++) {
            stems.put(compoundUnits[u] + "undzwanzigst", 21 + u);
        }
        stems.put("einunddreissigst", 31);
        Map<String, Integer> ordinals = new HashMap<>();
        stems.forEach((stem, value) -> {
            for (String ending : List.of("e", "en", "er", "em", "es")) {
                ordinals.put(stem + ending, value);
            }
        });
        return Map.copyOf(ordinals);
    }

    private static Map<String, Integer> englishOrdinals() {
        String[] words = {
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth"
        };
        Map<String, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            ordinals.put(words[i], i + 1);
        }
        for (int i = 0; i < 9; i++) {
            ordinals.put("twenty" + words[i], 21 + i);
        }
        ordinals.put("thirtieth", 30);
        ordinals.put("thirtyfirst", 31);
        return Map.copyOf(ordinals);
    }
}
