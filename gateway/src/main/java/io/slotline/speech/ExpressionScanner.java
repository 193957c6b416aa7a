package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds the date, time and window statements in one argument. Recognisers run in a fixed order over the
 * normalised text; each blanks out what it understood, so later, looser recognisers never re-read it.
 *
 * <p>Nothing is dropped silently. What no recogniser claimed is looked at word by word: fillers ("am", "den", "on
 * the", "bitte", "der Kunde möchte") are ignored; a number (digits or a number word), or a sign in front of one
 * ("-1"), makes the argument unparseable; a negation ("nicht", "not", "außer") makes it {@link
 * ParseFailure#NEGATED}; a date word said in a combination no form accounts for, and any unknown word right next
 * to something understood, make it {@link ParseFailure#UNCLEAR}. Unknown words elsewhere (the rest of a sentence
 * an LLM wrote) are ignored.
 *
 * <p>Before scanning, spelled-out ordinals become digits and misspelt date words are corrected (see {@link
 * Vocabulary}). Order: signs; approximations ("gegen", "kurz nach", "around"); past distances ("vor 3 Tagen", "3
 * days ago"); ISO date-time; numeric dates; day + month name; periods ("Anfang nächster Woche", "Ende Dezember",
 * "later this week"); windows ("zwischen 10 und 12", "ab 15 Uhr", "nachmittags"); times; a day of the month alone
 * ("am 19.", "the 19th"); relative days ("morgen", "gestern", "in 3 Tagen"); weeks and weekdays.
 */
final class ExpressionScanner {

    enum Mode {
        /** A "19.11" without context is a date. */
        DATE_AND_TIME,
        /** The argument is a time: "10.11" is 10:11 and a lone number is an hour. */
        TIME_ONLY
    }

    /** A calendar date as spoken; year and month may be missing. */
    record DateFact(@Nullable Integer year, @Nullable Integer month, int day) {

        /**
         * A date without year is its next occurrence, today included; a day without month is the next such day
         * of a month, today included. Empty when no such day exists.
         */
        Optional<LocalDate> resolve(LocalDate today) {
            if (day < 1 || day > 31) {
                return Optional.empty();
            }
            if (month == null) {
                for (int ahead = 0; ahead <= 12; ahead++) {
                    YearMonth candidate = YearMonth.from(today).plusMonths(ahead);
                    if (day <= candidate.lengthOfMonth()
                            && !candidate.atDay(day).isBefore(today)) {
                        return Optional.of(candidate.atDay(day));
                    }
                }
                return Optional.empty();
            }
            try {
                if (year != null) {
                    return Optional.of(LocalDate.of(year, month, day));
                }
                MonthDay monthDay = MonthDay.of(month, day);
                int nextYear = monthDay.isBefore(MonthDay.from(today)) ? today.getYear() + 1 : today.getYear();
                return Optional.of(LocalDate.of(nextYear, month, day));
            } catch (DateTimeException impossible) {
                return Optional.empty();
            }
        }

        /**
         * The impossible date as "year-month-day" (year as said, else the year it would have had: "30. Februar" on
         * 2026-11-16 is "2027-02-30"), or "day-N" for a day no month has; empty for a month that does not exist.
         */
        String impossibleDetail(LocalDate today) {
            if (month == null) {
                return "day-" + day;
            }
            if (month < 1 || month > 12) {
                return "";
            }
            int atYear = year != null ? year : month < today.getMonthValue() ? today.getYear() + 1 : today.getYear();
            return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", atYear, month, day);
        }
    }

    enum WeekdayModifier {
        /** A bare weekday: the first such day after today. */
        PLAIN,
        /** "nächsten", "next": the first such day after today, unless that is still in this week (then ambiguous). */
        NEXT,
        /** "kommenden", "this coming": the first such day after today. */
        COMING,
        /** "diesen", "this": the first such day from today on. */
        THIS,
        /** "übernächsten": a week after "nächsten". */
        AFTER_NEXT,
        /** "letzten", "vorigen", "last": the latest such day before today. */
        LAST
    }

    /** How precisely a time was meant: "gegen 10", "kurz nach 10", "kurz vor 10" are not 10:00 sharp. */
    enum Approximation {
        EXACT(0),
        AROUND(0),
        SHORTLY_AFTER(10),
        SHORTLY_BEFORE(-10);

        final int offsetMinutes;

        Approximation(int offsetMinutes) {
            this.offsetMinutes = offsetMinutes;
        }
    }

    /** Which part of a week or month a period names. */
    enum Part {
        WHOLE,
        EARLY,
        MIDDLE,
        LATE,
        WEEKEND,
        REST_OF_WEEK
    }

    /**
     * A period said instead of a day: a part of a week ({@code month} and {@code monthName} unused; {@code offset}
     * in weeks from this one), of a month ({@code monthName} a month number, or null and {@code offset} in months),
     * or the next few days ({@code days}).
     */
    record PeriodFact(
            boolean week, Part part, int offset, @Nullable Integer monthName, int days) {

        static PeriodFact week(Part part, int offset) {
            return new PeriodFact(true, part, offset, null, 0);
        }

        static PeriodFact month(Part part, int offset, @Nullable Integer monthName) {
            return new PeriodFact(false, part, offset, monthName, 0);
        }

        static PeriodFact nextDays(int days) {
            return new PeriodFact(false, Part.WHOLE, 0, null, days);
        }
    }

    record WeekdayFact(DayOfWeek day, WeekdayModifier modifier) {}

    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final String MONTH = alternation(MONTHS.keySet());
    private static final String WEEKDAY = alternation(WEEKDAYS.keySet());
    private static final String GERMAN_WEEKDAY =
            "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag";
    private static final String COUNT = "((?<![\\d.:])\\d{1,2}(?!\\d)|" + NumberWords.REGEX + "|einer|einem|an|a)";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d.])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:\\s*t\\s*|\\s+)(\\d{1,2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?"
                    + "(?:\\s*(?:z|utc|[+-]\\d{2}(?::?\\d{2})?))?)?(?![\\d])");
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(?<![\\d.:/-])(\\d{1,2})([./])(\\d{1,2})(?:([./])(\\d{4}|\\d{2})?)?(?![\\d:])");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th|ten|ter|te)?\\s*(?:of\\s+)?(" + MONTH
                    + ")(?![a-z])\\.?" + "(?:\\s+(\\d{4})(?![\\d:.]))?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![a-z])(" + MONTH + ")(?![a-z])\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.(?!\\d))?(?![\\d:a-z])"
                    + "(?!\\s*(?:uhr|h|am|pm|oclock)(?![a-z]))(?:\\s+(\\d{4})(?![\\d:.]))?");
    private static final Pattern ORDINAL_DAY =
            Pattern.compile("(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th|ten|ter|te)(?![a-z\\d])");
    private static final Pattern ARTICLE_DAY = Pattern.compile(
            "(?<![a-z])(?:am|den|dem|zum|vom|the|on\\s+the)\\s+(\\d{1,2})\\.?(?![\\d:])(?!\\s*(?:uhr|h|am|pm|oclock)(?![a-z]))");

    private static final Pattern TODAY_PART =
            Pattern.compile("(?<![a-z])(?:this\\s+(morning|afternoon|evening)|(tonight))(?![a-z])");
    private static final Pattern MORNING =
            Pattern.compile("(?<![a-z])(?:vormittags?|morgens|mornings?|in\\s+der\\s+frueh)(?![a-z])"
                    + "|(?<=(?:heute|gestern|am|" + GERMAN_WEEKDAY + ")\\s)morgen(?![a-z])"
                    + "|(?<=(?:heute|morgen|" + GERMAN_WEEKDAY + ")\\s)frueh(?![a-z])");
    private static final Pattern MIDDAY = Pattern.compile(
            "(?<![a-z])(?:mittags|mittagszeit|(?:ueber|am)\\s+(?:die\\s+)?mittag(?:szeit)?|lunch\\s?time"
                    + "|(?:around|at|over)\\s+lunch(?:\\s?time)?)(?![a-z])");
    private static final Pattern AFTERNOON = Pattern.compile("(?<![a-z])(?:nachmittags?|afternoons?)(?![a-z])");
    private static final Pattern EVENING = Pattern.compile("(?<![a-z])(?:abends?|evenings?)(?![a-z])");

    private static final Pattern IN_DAYS =
            Pattern.compile("(?<![a-z])in\\s+" + COUNT + "\\s+(tagen?|days?|wochen?|weeks?)(?![a-z])");
    private static final Pattern DAYS_FROM =
            Pattern.compile("(?<![a-z])" + COUNT + "\\s+(days?|weeks?)\\s+from\\s+(now|today|tomorrow)(?![a-z])");
    private static final Pattern DAY_AFTER_TOMORROW =
            Pattern.compile("(?<![a-z])(?:uebermorgen|(?:the\\s+)?day\\s+after\\s+tomorrow)(?![a-z])");
    private static final Pattern TODAY = Pattern.compile("(?<![a-z])(?:heute|today)(?![a-z])");
    private static final Pattern TOMORROW = Pattern.compile("(?<![a-z])(?:morgen|tomorrow)(?![a-z])");

    private static final Pattern WEEK_AFTER_NEXT = Pattern.compile(
            "(?<![a-z])(?:(?:the\\s+)?week\\s+after\\s+next|(?:in\\s+der\\s+)?uebernaechste[nr]?\\s+woche)(?![a-z])");
    private static final Pattern NEXT_WEEK = Pattern.compile("(?<![a-z])(?:next\\s+week|the\\s+following\\s+week"
            + "|(?:in\\s+der\\s+)?(?:naechste[nr]?|kommende[nr]?|folgende[nr]?)\\s+woche)(?![a-z])");
    private static final Pattern THIS_WEEK =
            Pattern.compile("(?<![a-z])(?:this\\s+week|(?:in\\s+)?diese[nr]?\\s+woche)(?![a-z])");
    private static final Pattern WEEKDAY_PHRASE = Pattern.compile(
            "(?<![a-z])(?:(this\\s+coming|uebernaechste[nrms]?|naechste[nrms]?|kommende[nrms]?|next|coming|upcoming"
                    + "|diese[nrms]?|this|following|letzte[nrms]?|vorige[nrms]?|vergangene[nrms]?|last|previous)\\s+)?"
                    + "(?:(?:am|on)\\s+)?(" + WEEKDAY + ")(?![a-z])");
    private static final Pattern LAST_WEEK = Pattern.compile(
            "(?<![a-z])(?:(?:in\\s+der\\s+)?(vorletzte[nr]?|letzte[nr]?|vorige[nr]?|vergangene[nr]?)\\s+woche"
                    + "|(?:the\\s+)?(last|previous)\\s+week|the\\s+week\\s+before\\s+(last))(?![a-z])");

    private static final Pattern DAY_BEFORE_YESTERDAY =
            Pattern.compile("(?<![a-z])(?:vorgestern|(?:the\\s+)?day\\s+before\\s+yesterday)(?![a-z])");
    private static final Pattern YESTERDAY = Pattern.compile("(?<![a-z])(?:gestern|yesterday)(?![a-z])");
    private static final Pattern AGO = Pattern.compile("(?<![a-z])(?:vor\\s+" + COUNT + "\\s+(tag(?:en)?|wochen?)|"
            + COUNT + "\\s+(days?|weeks?)\\s+ago)(?![a-z])");

    private static final String TIME_START = "(?:\\d|halb|viertel|drei\\s?viertel|half|quarter|mittag|noon|midday"
            + "|mitternacht|midnight|" + NumberWords.REGEX + ")";
    private static final Pattern AROUND = Pattern.compile(
            "(?<![a-z])(?:so\\s+(?:gegen|um)|(?:so\\s+)?(?:gegen|etwa|ungefaehr|circa|ca\\.?|zirka)(?:\\s+um)?"
                    + "|(?:at\\s+)?(?:around|about|roughly|approximately|approx\\.?)(?:\\s+at)?)(?=\\s+" + TIME_START
                    + ")");
    private static final Pattern SHORTLY = Pattern.compile(
            "(?<![a-z])(?:kurz|gleich|shortly|just|a\\s+little|a\\s+bit)\\s+(nach|after|past|vor|before)(?:\\s+(?:um|at))?"
                    + "(?=\\s+" + TIME_START + ")");
    private static final Pattern AROUND_AFTER =
            Pattern.compile("(?<=[\\da-z])(?:-?ish|\\s+(?:rum|herum|oder\\s+so|or\\s+so|or\\s+thereabouts))(?![a-z])");

    private static final String WEEK_MODIFIER = "naechste[nr]?|kommende[nr]?|diese[nr]?|uebernaechste[nr]?|der";
    private static final Pattern GERMAN_WEEK_PART = Pattern.compile(
            "(?<![a-z])(?:(?:gegen|so\\s+gegen|eher|irgendwann)\\s+)?(?:(anfang|mitte|ende)\\s+(?:der\\s+)?"
                    + "(?:(" + WEEK_MODIFIER + ")\\s+)?woche|(?:(" + WEEK_MODIFIER
                    + ")\\s+)?woche\\s+(anfang|mitte|ende)"
                    + "|(?:(" + WEEK_MODIFIER + ")\\s+)?(wochenanfang|wochenmitte))(?![a-z])");
    private static final Pattern ENGLISH_WEEK_PART = Pattern.compile(
            "(?<![a-z])(?:(early|late|later|mid)[\\s-]?(?:on\\s+)?(?:in\\s+)?|(?:at\\s+|towards?\\s+)?(?:the\\s+)?"
                    + "(beginning|start|middle|end)\\s+of\\s+)(?:(this|the|next|the\\s+following|the\\s+coming)\\s+)?week"
                    + "(?![a-z])|(?<![a-z])(mid)[\\s-]?week(?![a-z])");
    private static final Pattern WEEKEND =
            Pattern.compile("(?<![a-z])(?:(?:over|during|at|on|am|zum|ueber(?:s|\\s+das)?)\\s+)?"
                    + "(?:(dieses|naechstes|kommendes|uebernaechstes|this\\s+coming|this|next|the|coming)\\s+)?"
                    + "(?:wochenende|weekend)(?![a-z])");
    private static final Pattern NEXT_DAYS = Pattern.compile(
            "(?<![a-z])(?:(?:in\\s+)?(?:den|die)\\s+(?:naechsten|kommenden)\\s+(?:paar\\s+)?tage[n]?"
                    + "|(?:in\\s+|over\\s+|during\\s+)?the\\s+(?:next|coming)\\s+(?:few\\s+|couple\\s+of\\s+)?days)(?![a-z])");
    private static final Pattern GERMAN_MONTH_PART = Pattern.compile(
            "(?<![a-z])(?:(?:gegen|eher)\\s+)?(anfang|mitte|ende)\\s+(?:(des|dieses|naechsten|kommenden)\\s+monats|("
                    + MONTH + "))(?![a-z])\\.?");
    private static final Pattern ENGLISH_MONTH_PART = Pattern.compile(
            "(?<![a-z])(?:(early|mid|late)[\\s-]?|(?:at\\s+|towards?\\s+)?(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+)"
                    + "(?:(this|the|next)\\s+month|(" + MONTH + "))(?![a-z])\\.?");
    private static final Pattern WHOLE_MONTH = Pattern.compile(
            "(?<![a-z])(?:(?:im|in\\s+the|in)\\s+(naechsten|kommenden|diesem)\\s+monat|(naechsten|kommenden|diesen)\\s+monat"
                    + "|(next|this)\\s+month|(?:im|in)\\s+(" + MONTH + "))(?![a-z])\\.?");

    private static final Set<String> TIME_CONTEXT_BEFORE = Set.of(
            "um",
            "at",
            "gegen",
            "ab",
            "bis",
            "von",
            "zwischen",
            "und",
            "and",
            "from",
            "after",
            "before",
            "until",
            "till",
            "nach",
            "vor",
            "ca",
            "circa",
            "etwa",
            "around",
            "about");
    private static final Pattern TIME_CONTEXT_AFTER = Pattern.compile("\\s*(?:uhr|h|am|pm|oclock)(?![a-z]).*");
    private static final Pattern MINUTE_LEAD = Pattern.compile(
            "\\d{1,2}|" + NumberWords.REGEX + "|viertel|dreiviertel|halb|minuten?|minutes?|quarter|half");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final String DIGITS_GUARD = "#digit";
    private static final Map<Pattern, String[]> GUARDS = guards();
    /** Far above any date phrase; bounds the scanning cost of a runaway argument (the whole transcript). */
    static final int MAX_TEXT_LENGTH = 200;

    private static final Pattern SIGN = Pattern.compile("(?<![^\\s])[-+](?=\\d)|^[-+]\\s*(?=\\d)");
    /** "4ish", "fourish": read as "um 4 oder so". */
    private static final Pattern ISH = Pattern.compile("(?<![a-z\\d])(\\d{1,2}|"
            + NumberWords.REGEX.substring(0, NumberWords.REGEX.length() - "(?![a-z])".length()) + ")-?ish(?![a-z])");

    private static final Pattern TRAILING_AM = Pattern.compile("(?:\\d|" + NumberWords.REGEX + ")\\s*am$");
    private static final Pattern WORD = Pattern.compile("[a-z]+|\\d+");
    private static final Set<String> ARTICLE_NUMBERS = Set.of("ein", "eine", "one");
    /** Articles and prepositions that belong to the date phrase next to them: "xyz am 20." is next to the date. */
    private static final Set<String> BRIDGES = Set.of(
            "am", "um", "den", "dem", "der", "die", "das", "im", "in", "zum", "vom", "ab", "the", "on", "at", "of",
            "from");

    private final Mode mode;
    private final TimeForms timeForms;
    private final Facts facts = new Facts();
    /** The text as scanned, before recognisers blank out what they understood. */
    private final String said;

    private String work;

    private ExpressionScanner(String prepared, Language language, Mode mode) {
        this.said = prepared;
        this.work = prepared;
        this.mode = mode;
        // German "am" after a time is a.m. only at the very end ("um 7 am"); "um vier am Nachmittag" is the afternoon
        this.timeForms = TimeForms.of(
                language,
                language == Language.EN || TRAILING_AM.matcher(prepared).find());
    }

    static Facts scan(String text, Language language, Mode mode) {
        if (text.length() > MAX_TEXT_LENGTH) {
            Facts refused = new Facts();
            refused.tooLong = true;
            return refused;
        }
        String prepared = Vocabulary.rewrite(SpeechText.normalise(text));
        if (prepared.contains("ish")) {
            prepared = ISH.matcher(prepared).replaceAll("um $1 oder so");
        }
        ExpressionScanner scanner = new ExpressionScanner(prepared, language, mode);
        scanner.checkSigns();
        scanner.scanApproximations();
        scanner.scanDistancesAgo();
        scanner.scanDates();
        scanner.scanPeriods();
        scanner.scanWindows();
        scanner.scanTimes();
        scanner.scanDayOfMonth();
        scanner.scanRelativeDays();
        scanner.scanWeeks();
        scanner.inspectLeftovers();
        return scanner.facts;
    }

    /** "-1", "+2": a signed number is no date or time; "10-12" and "2026-11-19" are not signs. */
    private void checkSigns() {
        Matcher matcher = SIGN.matcher(work);
        while (matcher.find()) {
            int before = matcher.start() - 1;
            while (before >= 0 && work.charAt(before) == ' ') {
                before--;
            }
            if (before >= 0 && Character.isDigit(work.charAt(before))) {
                continue;
            }
            String previous = before < 0 ? "" : previousToken(before + 1);
            if (NumberWords.valueOf(previous).isPresent()
                    || Set.of("uhr", "h", "am", "pm", "oclock").contains(previous)) {
                continue;
            }
            facts.signed = true;
            return;
        }
    }

    /** "gegen 10", "kurz nach 10", "around 4", "4ish", "um 3 rum": the marker goes, the time stays approximate. */
    private void scanApproximations() {
        consume(AROUND, m -> markApproximate(m, Approximation.AROUND));
        consume(
                SHORTLY,
                m -> markApproximate(
                        m,
                        switch (m.group(1)) {
                            case "vor", "before" -> Approximation.SHORTLY_BEFORE;
                            default -> Approximation.SHORTLY_AFTER;
                        }));
        consume(AROUND_AFTER, m -> {
            facts.approximation = Approximation.AROUND;
            return true;
        });
    }

    /** The marker is replaced by "um", so that the time forms read "gegen drei" as they read "um drei". */
    private boolean markApproximate(MatchResult m, Approximation approximation) {
        if (facts.approximation != Approximation.EXACT && facts.approximation != approximation) {
            facts.conflictingApproximation = true;
        }
        facts.approximation = approximation;
        int length = m.end() - m.start();
        work = work.substring(0, m.start()) + "um" + " ".repeat(length - 2) + work.substring(m.end());
        return false;
    }

    /** Before the windows: "vor 3 Tagen" is three days ago, not "before 3". */
    private void scanDistancesAgo() {
        consume(
                AGO,
                m -> m.group(1) != null
                        ? addDistance(-count(m.group(1)), m.group(2))
                        : addDistance(-count(m.group(3)), m.group(4)));
    }

    private void scanDates() {
        consume(ISO, m -> {
            facts.dates.add(new DateFact(number(m, 1), number(m, 2), number(m, 3)));
            if (m.group(4) != null) {
                facts.times.add(SpokenTime.clock(number(m, 4), number(m, 5), SpokenTime.Meridiem.NONE, true));
            }
            return true;
        });
        consume(NUMERIC_DATE, m -> {
            boolean dotted = m.group(2).equals(".");
            if (dotted
                    && m.group(5) == null
                    && (m.group(4) == null || Integer.parseInt(m.group(3)) > 12)
                    && readsAsTime(m)) {
                return false;
            }
            int first = number(m, 1);
            int second = number(m, 3);
            boolean monthFirst = !dotted && first <= 12 && second > 12;
            Integer year = m.group(5) == null ? null : m.group(5).length() == 2 ? 2000 + number(m, 5) : number(m, 5);
            facts.dates.add(new DateFact(year, monthFirst ? first : second, monthFirst ? second : first));
            return true;
        });
        consume(DAY_MONTH, m -> {
            facts.dates.add(
                    new DateFact(m.group(3) == null ? null : number(m, 3), MONTHS.get(m.group(2)), number(m, 1)));
            return true;
        });
        consume(MONTH_DAY, m -> {
            facts.dates.add(
                    new DateFact(m.group(3) == null ? null : number(m, 3), MONTHS.get(m.group(1)), number(m, 2)));
            return true;
        });
    }

    /** Whether "14.30" (dot, no year) is a time: said after "um"/"ab"..., before "Uhr", or minutes no month can be. */
    private boolean readsAsTime(MatchResult m) {
        if (mode == Mode.TIME_ONLY || TIME_CONTEXT_BEFORE.contains(previousToken(m.start()))) {
            return true;
        }
        if (TIME_CONTEXT_AFTER.matcher(work.substring(m.end())).matches()) {
            return true;
        }
        String minutes = m.group(3);
        int value = Integer.parseInt(minutes);
        return minutes.length() == 2 && (value > 12 || value == 0);
    }

    private void scanPeriods() {
        consume(NEXT_DAYS, m -> facts.periods.add(PeriodFact.nextDays(3)));
        consume(GERMAN_WEEK_PART, m -> {
            String part = m.group(1) != null ? m.group(1) : m.group(4) != null ? m.group(4) : m.group(6);
            String modifier = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5);
            return facts.periods.add(PeriodFact.week(part(part), weekOffset(modifier)));
        });
        consume(ENGLISH_WEEK_PART, m -> {
            if (m.group(4) != null) {
                return facts.periods.add(PeriodFact.week(Part.MIDDLE, 0));
            }
            String part = m.group(1) != null ? m.group(1) : m.group(2);
            int offset = weekOffset(m.group(3));
            Part meant = part.equals("later") && offset == 0 ? Part.REST_OF_WEEK : part(part);
            return facts.periods.add(PeriodFact.week(meant, offset));
        });
        consume(WEEKEND, m -> facts.periods.add(PeriodFact.week(Part.WEEKEND, weekOffset(m.group(1)))));
        consume(
                GERMAN_MONTH_PART,
                m -> facts.periods.add(
                        m.group(3) != null
                                ? PeriodFact.month(part(m.group(1)), 0, MONTHS.get(m.group(3)))
                                : PeriodFact.month(part(m.group(1)), monthOffset(m.group(2)), null)));
        consume(ENGLISH_MONTH_PART, m -> {
            Part part = part(m.group(1) != null ? m.group(1) : m.group(2));
            return facts.periods.add(
                    m.group(4) != null
                            ? PeriodFact.month(part, 0, MONTHS.get(m.group(4)))
                            : PeriodFact.month(part, monthOffset(m.group(3)), null));
        });
        consume(WHOLE_MONTH, m -> {
            String relative = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return facts.periods.add(
                    relative != null
                            ? PeriodFact.month(Part.WHOLE, monthOffset(relative), null)
                            : PeriodFact.month(Part.WHOLE, 0, MONTHS.get(m.group(4))));
        });
    }

    private static Part part(String word) {
        return switch (word) {
            case "anfang", "early", "beginning", "start", "wochenanfang" -> Part.EARLY;
            case "mitte", "mid", "middle", "wochenmitte" -> Part.MIDDLE;
            default -> Part.LATE;
        };
    }

    private static int weekOffset(@Nullable String modifier) {
        if (modifier == null) {
            return 0;
        }
        if (modifier.startsWith("uebernaechst")) {
            return 2;
        }
        return modifier.startsWith("naechst")
                        || modifier.startsWith("kommend")
                        || modifier.equals("next")
                        || modifier.equals("the following")
                        || modifier.equals("the coming")
                        || modifier.equals("coming")
                ? 1
                : 0;
    }

    private static int monthOffset(@Nullable String modifier) {
        return modifier != null
                        && (modifier.startsWith("naechst") || modifier.startsWith("kommend") || modifier.equals("next"))
                ? 1
                : 0;
    }

    /**
     * What no recogniser claimed: numbers (digits are found by {@link Facts#unparseable()}), negations, date words
     * in a combination no form reads, and unknown words right next to something understood.
     */
    private void inspectLeftovers() {
        facts.leftover = work.trim();
        Matcher matcher = WORD.matcher(work);
        while (matcher.find()) {
            String token = matcher.group();
            if (Character.isDigit(token.charAt(0)) || token.length() == 1 || Vocabulary.FILLERS.contains(token)) {
                continue;
            }
            if (NumberWords.valueOf(token).isPresent()) {
                if (!ARTICLE_NUMBERS.contains(token)) {
                    facts.strayNumberWord = true;
                }
            } else if (Vocabulary.NEGATIONS.contains(token)) {
                facts.negations.add(token);
            } else if ((Vocabulary.DATE_WORDS.contains(token) && !Vocabulary.HINT_WORDS.contains(token))
                    || nextToUnderstood(matcher.start(), matcher.end())) {
                facts.unclear.add(token);
            }
        }
    }

    /**
     * Whether the nearest word before or after this leftover one was understood (blanked by a recogniser), looking
     * through the articles and prepositions that belong to a date phrase ("xyz am 20. November").
     */
    private boolean nextToUnderstood(int start, int end) {
        int before = start - 1;
        while (before >= 0) {
            while (before >= 0 && !Character.isLetterOrDigit(said.charAt(before))) {
                before--;
            }
            if (before < 0) {
                break;
            }
            if (work.charAt(before) == ' ') {
                return true;
            }
            int wordStart = before;
            while (wordStart > 0 && Character.isLetterOrDigit(work.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (!BRIDGES.contains(work.substring(wordStart, before + 1))) {
                break;
            }
            before = wordStart - 1;
        }
        int after = end;
        while (after < said.length()) {
            while (after < said.length() && !Character.isLetterOrDigit(said.charAt(after))) {
                after++;
            }
            if (after >= said.length()) {
                break;
            }
            if (work.charAt(after) == ' ') {
                return true;
            }
            int wordEnd = after;
            while (wordEnd < work.length() && Character.isLetterOrDigit(work.charAt(wordEnd))) {
                wordEnd++;
            }
            if (!BRIDGES.contains(work.substring(after, wordEnd))) {
                break;
            }
            after = wordEnd;
        }
        return false;
    }

    private void scanWindows() {
        consume(TODAY_PART, m -> {
            facts.dayOffsets.add(0);
            String part = m.group(1) == null ? "evening" : m.group(1);
            facts.windows.add(new WindowFact.Named(
                    switch (part) {
                        case "morning" -> TimeWindow.MORNING;
                        case "afternoon" -> TimeWindow.AFTERNOON;
                        default -> TimeWindow.EVENING;
                    }));
            return true;
        });
        consume(timeForms.between, m -> addBetween(m.group(1), m.group(2)));
        consume(timeForms.fromTo, m -> addBetween(m.group(1), m.group(2)));
        consume(
                timeForms.range,
                m -> m.group(1) != null ? addBetween(m.group(1), m.group(2)) : addBetween(m.group(3), m.group(4)));
        consume(timeForms.after, m -> {
            SpokenTime start = timeForms.interpret(m.group(2));
            if (start == null || isMinutesOfTimePhrase(m)) {
                return false;
            }
            facts.windows.add(new WindowFact.From(start));
            return true;
        });
        consume(timeForms.before, m -> {
            SpokenTime end = timeForms.interpret(m.group(2));
            if (end == null || isMinutesOfTimePhrase(m)) {
                return false;
            }
            facts.windows.add(new WindowFact.Until(end));
            return true;
        });
        addNamedWindow(MORNING, TimeWindow.MORNING);
        addNamedWindow(MIDDAY, TimeWindow.MIDDAY);
        addNamedWindow(AFTERNOON, TimeWindow.AFTERNOON);
        addNamedWindow(EVENING, TimeWindow.EVENING);
    }

    /** "viertel nach zwei", "zehn vor drei", "ten after two" are times, not "after two". */
    private boolean isMinutesOfTimePhrase(MatchResult m) {
        return Set.of("nach", "vor", "after", "before").contains(m.group(1))
                && MINUTE_LEAD.matcher(previousToken(m.start())).matches();
    }

    private boolean addBetween(String startText, String endText) {
        SpokenTime start = timeForms.interpret(startText);
        SpokenTime end = timeForms.interpret(endText);
        if (start == null || end == null) {
            return false;
        }
        facts.windows.add(new WindowFact.Between(start, end));
        return true;
    }

    private void addNamedWindow(Pattern pattern, TimeWindow window) {
        consume(pattern, m -> {
            facts.windows.add(new WindowFact.Named(window));
            return true;
        });
    }

    private void scanTimes() {
        for (TimeForms.Form form : timeForms.forms) {
            if (form.use() == TimeForms.Use.STANDALONE && mode != Mode.TIME_ONLY) {
                continue;
            }
            consume(form.pattern(), m -> {
                SpokenTime time = form.builder().build(m);
                if (time == null) {
                    return false;
                }
                facts.times.add(time);
                return true;
            });
        }
    }

    private void scanDayOfMonth() {
        consume(ORDINAL_DAY, m -> facts.dates.add(new DateFact(null, null, number(m, 1))));
        consume(ARTICLE_DAY, m -> facts.dates.add(new DateFact(null, null, number(m, 1))));
    }

    private void scanRelativeDays() {
        consume(IN_DAYS, m -> addDistance(count(m.group(1)), m.group(2)));
        consume(DAYS_FROM, m -> {
            facts.dayOffsets.add(m.group(3).equals("tomorrow") ? 1 : 0);
            return addDistance(count(m.group(1)), m.group(2));
        });
        consume(DAY_AFTER_TOMORROW, m -> facts.dayOffsets.add(2));
        consume(DAY_BEFORE_YESTERDAY, m -> facts.dayOffsets.add(-2));
        consume(YESTERDAY, m -> facts.dayOffsets.add(-1));
        consume(TODAY, m -> facts.dayOffsets.add(0));
        consume(TOMORROW, m -> facts.dayOffsets.add(1));
    }

    private boolean addDistance(int count, String unit) {
        if (unit.startsWith("w")) {
            facts.inWeeks.add(count);
        } else {
            facts.inDays.add(count);
        }
        return true;
    }

    private void scanWeeks() {
        consume(
                LAST_WEEK,
                m -> facts.weekOffsets.add(
                        (m.group(1) != null && m.group(1).startsWith("vorletzt")) || m.group(3) != null ? -2 : -1));
        consume(WEEK_AFTER_NEXT, m -> facts.weekOffsets.add(2));
        consume(NEXT_WEEK, m -> facts.weekOffsets.add(1));
        consume(THIS_WEEK, m -> facts.weekOffsets.add(0));
        consume(WEEKDAY_PHRASE, m -> {
            String modifier = m.group(1) == null ? "" : m.group(1);
            WeekdayModifier meaning = modifier.isEmpty()
                    ? WeekdayModifier.PLAIN
                    : modifier.startsWith("uebernaechst")
                            ? WeekdayModifier.AFTER_NEXT
                            : modifier.startsWith("diese") || modifier.equals("this")
                                    ? WeekdayModifier.THIS
                                    : modifier.startsWith("naechst") || modifier.equals("next")
                                            ? WeekdayModifier.NEXT
                                            : modifier.startsWith("letzt")
                                                            || modifier.startsWith("vorig")
                                                            || modifier.startsWith("vergangen")
                                                            || modifier.equals("last")
                                                            || modifier.equals("previous")
                                                    ? WeekdayModifier.LAST
                                                    : WeekdayModifier.COMING;
            // the WEEKDAY pattern is made of WEEKDAYS' keys
            return facts.weekdays.add(new WeekdayFact(Objects.requireNonNull(WEEKDAYS.get(m.group(2))), meaning));
        });
    }

    /** Runs a recogniser over the unclaimed text; an accepted match is blanked out, keeping all positions. */
    private void consume(Pattern pattern, Predicate<MatchResult> accept) {
        if (!mayMatch(pattern)) {
            return;
        }
        int from = 0;
        while (from <= work.length()) {
            Matcher matcher = pattern.matcher(work);
            if (!matcher.find(from)) {
                return;
            }
            if (matcher.end() > matcher.start() && accept.test(matcher.toMatchResult())) {
                work = work.substring(0, matcher.start())
                        + " ".repeat(matcher.end() - matcher.start())
                        + work.substring(matcher.end());
                from = matcher.end();
            } else {
                from = matcher.start() + 1;
            }
        }
    }

    /**
     * Whether the text holds a word without which the recogniser cannot match: most recognisers find nothing in
     * most arguments, and a substring search is far cheaper than trying a pattern at every position.
     */
    private boolean mayMatch(Pattern pattern) {
        String[] needed = GUARDS.get(pattern);
        if (needed == null) {
            return true;
        }
        for (String word : needed) {
            if (word.equals(DIGITS_GUARD) ? DIGIT.matcher(work).find() : work.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Pattern, String[]> guards() {
        Map<Pattern, String[]> guards = new java.util.IdentityHashMap<>();
        String[] digits = {DIGITS_GUARD};
        guards.put(AROUND, new String[] {
            "gegen", "etwa", "ungefaehr", "circa", "ca", "zirka", "around", "about", "rough", "approx", "so "
        });
        guards.put(SHORTLY, new String[] {"kurz", "gleich", "shortly", "just", "little", "bit"});
        guards.put(AROUND_AFTER, new String[] {"ish", "rum", "so", "thereabouts"});
        guards.put(AGO, new String[] {"vor", "ago"});
        for (Pattern numeric : List.of(ISO, NUMERIC_DATE, DAY_MONTH, MONTH_DAY, ORDINAL_DAY, ARTICLE_DAY)) {
            guards.put(numeric, digits);
        }
        guards.put(NEXT_DAYS, new String[] {"tage", "days"});
        guards.put(GERMAN_WEEK_PART, new String[] {"woche"});
        guards.put(ENGLISH_WEEK_PART, new String[] {"week"});
        guards.put(WEEKEND, new String[] {"wochenende", "weekend"});
        guards.put(GERMAN_MONTH_PART, new String[] {"anfang", "mitte", "ende"});
        guards.put(ENGLISH_MONTH_PART, new String[] {"early", "mid", "late", "beginning", "start", "end"});
        guards.put(WHOLE_MONTH, new String[] {"monat", "month", "im ", "in "});
        guards.put(TODAY_PART, new String[] {"this", "tonight"});
        guards.put(MORNING, new String[] {"morgen", "morning", "vormittag", "frueh"});
        guards.put(MIDDAY, new String[] {"mittag", "lunch"});
        guards.put(AFTERNOON, new String[] {"nachmittag", "afternoon"});
        guards.put(EVENING, new String[] {"abend", "evening"});
        guards.put(IN_DAYS, new String[] {"in "});
        guards.put(DAYS_FROM, new String[] {"from"});
        guards.put(DAY_AFTER_TOMORROW, new String[] {"uebermorgen", "after"});
        guards.put(DAY_BEFORE_YESTERDAY, new String[] {"vorgestern", "before"});
        guards.put(YESTERDAY, new String[] {"gestern", "yesterday"});
        guards.put(TODAY, new String[] {"heute", "today"});
        guards.put(TOMORROW, new String[] {"morgen", "tomorrow"});
        for (Pattern week : List.of(LAST_WEEK, WEEK_AFTER_NEXT, NEXT_WEEK, THIS_WEEK)) {
            guards.put(week, new String[] {"woche", "week"});
        }
        return guards;
    }

    private String previousToken(int position) {
        int end = position;
        while (end > 0 && work.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && work.charAt(start - 1) != ' ') {
            start--;
        }
        return work.substring(start, end).replaceAll("\\.$", "");
    }

    private static int number(MatchResult match, int group) {
        return Integer.parseInt(match.group(group));
    }

    private static int count(String token) {
        return switch (token) {
            case "a", "an", "einer", "einem" -> 1;
            default -> NumberWords.require(token);
        };
    }

    private static String alternation(Set<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        String[][] names = {
            {"januar", "jaenner", "january", "jan"},
            {"februar", "feber", "february", "feb", "febr"},
            {"maerz", "marz", "march", "mar", "mrz"},
            {"april", "apr"},
            {"mai", "may"},
            {"juni", "june", "jun"},
            {"juli", "july", "jul"},
            {"august", "aug"},
            {"september", "sept", "sep"},
            {"oktober", "october", "okt", "oct"},
            {"november", "nov"},
            {"dezember", "december", "dez", "dec"}
        };
        for (int month = 1; month <= 12; month++) {
            for (String name : names[month - 1]) {
                months.put(name, month);
            }
        }
        return Map.copyOf(months);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> weekdays = new HashMap<>();
        String[][] names = {
            {"montag", "monday", "mon", "mo.", "mo"}, {"dienstag", "tuesday", "tues", "tue", "di.", "di"},
            {"mittwoch", "wednesday", "wed", "mi.", "mi"}, {"donnerstag", "thursday", "thurs", "thur", "thu", "do."},
            {"freitag", "friday", "fri", "fr.", "fr"}, {"samstag", "sonnabend", "saturday", "sat", "sa."},
            {"sonntag", "sunday", "sun", "so."}
        };
        for (DayOfWeek day : DayOfWeek.values()) {
            for (String name : names[day.ordinal()]) {
                weekdays.put(name, day);
                if (name.endsWith("tag") || name.endsWith("day") || name.endsWith("woch") || name.endsWith("abend")) {
                    weekdays.put(name + "s", day);
                }
            }
        }
        return Map.copyOf(weekdays);
    }

    /** What one argument said, before deciding which day, time and window it means. */
    static final class Facts {
        final List<DateFact> dates = new ArrayList<>();
        final List<Integer> dayOffsets = new ArrayList<>();
        final List<Integer> inDays = new ArrayList<>();
        final List<Integer> inWeeks = new ArrayList<>();
        final List<WeekdayFact> weekdays = new ArrayList<>();
        final List<Integer> weekOffsets = new ArrayList<>();
        final List<PeriodFact> periods = new ArrayList<>();
        final List<SpokenTime> times = new ArrayList<>();
        final List<WindowFact> windows = new ArrayList<>();
        final List<String> negations = new ArrayList<>();
        final List<String> unclear = new ArrayList<>();
        Approximation approximation = Approximation.EXACT;
        boolean conflictingApproximation;
        boolean signed;
        boolean strayNumberWord;
        String leftover = "";
        boolean tooLong;

        /** A number no form accounts for, a signed number, or a text too long to be one phrase. */
        boolean unparseable() {
            return tooLong
                    || signed
                    || strayNumberWord
                    || DIGIT.matcher(leftover).find();
        }

        /**
         * Why the argument must be asked back before its parts are even resolved: unparseable, a negation, or a
         * word that could change the meaning; null when nothing stands in the way.
         */
        ParseResult.@Nullable Invalid<Void> refusal(String text) {
            if (unparseable()) {
                return new ParseResult.Invalid<>(ParseFailure.UNPARSEABLE, text, signed ? "signed_number" : "");
            }
            if (!negations.isEmpty()) {
                return new ParseResult.Invalid<>(ParseFailure.NEGATED, text, String.join(" ", negations));
            }
            if (!unclear.isEmpty()) {
                return new ParseResult.Invalid<>(ParseFailure.UNCLEAR, text, String.join(" ", unclear));
            }
            if (conflictingApproximation) {
                return new ParseResult.Invalid<>(ParseFailure.CONFLICTING, text, "");
            }
            return null;
        }

        /** The single day said; a period ("nächste Woche") is {@link ParseFailure#MISSING_DATE} here. */
        ParseResult<LocalDate> date(LocalDate today, String text) {
            ParseResult<Days> days = days(today, text);
            if (days instanceof ParseResult.Parsed<Days> parsed
                    && parsed.value().isPeriod()) {
                return ParseResult.invalid(ParseFailure.MISSING_DATE, text);
            }
            return days.map(Days::first);
        }

        /**
         * The day or days: an explicit date wins and is checked against everything else said with it; then a
         * relative day ("morgen", "in 3 Tagen", "gestern"), checked against a weekday; then a weekday, in a week if
         * one was said; then a period ("Anfang nächster Woche", "Ende Dezember"). A past day is kept as said, with
         * the day the caller may have meant instead.
         */
        ParseResult<Days> days(LocalDate today, String text) {
            LocalDate explicit = null;
            LocalDate explicitInstead = null;
            for (DateFact fact : dates) {
                Optional<LocalDate> resolved = fact.resolve(today);
                if (resolved.isEmpty()) {
                    return ParseResult.invalid(ParseFailure.IMPOSSIBLE_DATE, text, fact.impossibleDetail(today));
                }
                if (explicit != null && !explicit.equals(resolved.get())) {
                    return conflicting(explicit, resolved.get(), text);
                }
                explicit = resolved.get();
                if (explicit.isBefore(today)) {
                    // a past year said by mistake: that day this year; a day just past: that weekday coming up
                    explicitInstead = explicit.getYear() < today.getYear()
                            ? new DateFact(null, fact.month(), fact.day())
                                    .resolve(today)
                                    .orElse(null)
                            : today.with(TemporalAdjusters.next(explicit.getDayOfWeek()));
                }
            }
            Set<Integer> bases = new LinkedHashSet<>(dayOffsets);
            Set<DayOfWeek> days = weekdays.stream().map(WeekdayFact::day).collect(Collectors.toSet());
            Set<Integer> weeks = new LinkedHashSet<>(weekOffsets);
            if (bases.size() == 2 && days.isEmpty() && weeks.isEmpty() && explicit == null) {
                // "morgen oder übermorgen"
                List<Integer> both = bases.stream().sorted().toList();
                return conflicting(today.plusDays(both.get(0)), today.plusDays(both.get(1)), text);
            }
            if (days.size() == 2
                    && bases.isEmpty()
                    && weeks.isEmpty()
                    && explicit == null
                    && periods.isEmpty()
                    && inDays.isEmpty()
                    && inWeeks.isEmpty()) {
                // "Montag oder Dienstag"
                List<LocalDate> both = weekdays.stream()
                        .map(WeekdayFact::day)
                        .distinct()
                        .map(day -> today.with(TemporalAdjusters.next(day)))
                        .toList();
                return conflicting(both.get(0), both.get(1), text);
            }
            if (bases.size() > 1
                    || days.size() > 1
                    || weeks.size() > 1
                    || inDays.size() + inWeeks.size() > 1
                    || periods.size() > 1
                    || (!periods.isEmpty() && !weeks.isEmpty())) {
                return ParseResult.invalid(ParseFailure.CONFLICTING, text);
            }
            DayOfWeek weekday = days.isEmpty() ? null : days.iterator().next();
            if (weeks.isEmpty() && weekday != null && !inWeeks.isEmpty()) {
                // "Dienstag in zwei Wochen": the Tuesday of the week two weeks ahead
                weeks.add(inWeeks.get(0));
            }
            PeriodFact period = periods.isEmpty() ? null : periods.get(0);
            if (period == null
                    && !weeks.isEmpty()
                    && weekday == null
                    && explicit == null
                    && bases.isEmpty()
                    && inDays.isEmpty()) {
                // "nächste Woche": the whole week
                period = PeriodFact.week(Part.WHOLE, weeks.iterator().next());
            }
            Days span = period == null ? null : period(period, today);
            LocalDate relative = null;
            if (!bases.isEmpty() || !inDays.isEmpty() || (!inWeeks.isEmpty() && weekday == null)) {
                int days0 = bases.isEmpty() ? 0 : bases.iterator().next();
                int distance = inDays.stream().mapToInt(Integer::intValue).sum()
                        + (weekday == null
                                ? 7
                                        * inWeeks.stream()
                                                .mapToInt(Integer::intValue)
                                                .sum()
                                : 0);
                relative = today.plusDays(days0 + distance);
            }
            if (explicit != null) {
                if (relative != null && !relative.equals(explicit)) {
                    return conflicting(explicit, relative, text);
                }
                if (weekday != null && explicit.getDayOfWeek() != weekday) {
                    // "Dienstag, den 19. November" when the 19th is a Thursday: that Tuesday's week, or the next one
                    LocalDate sameWeek = explicit.with(weekday);
                    return conflicting(
                            explicit,
                            sameWeek.isBefore(today) ? today.with(TemporalAdjusters.next(weekday)) : sameWeek,
                            text);
                }
                if (span != null && !span.contains(explicit)) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                return ParseResult.parsed(Days.single(explicit, explicitInstead));
            }
            if (relative != null) {
                if (weekday != null && relative.getDayOfWeek() != weekday) {
                    return conflicting(relative, today.with(TemporalAdjusters.next(weekday)), text);
                }
                if (span != null && !span.contains(relative)) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                return ParseResult.parsed(Days.single(relative, relative.isBefore(today) ? today : null));
            }
            if (weekday != null) {
                return weekday(
                        today,
                        weekday,
                        weeks.isEmpty() ? null : weeks.iterator().next(),
                        span,
                        text);
            }
            if (span != null) {
                return ParseResult.parsed(span);
            }
            boolean saidSomething = !times.isEmpty() || !windows.isEmpty();
            return ParseResult.invalid(saidSomething ? ParseFailure.MISSING_DATE : ParseFailure.UNPARSEABLE, text);
        }

        private ParseResult<Days> weekday(
                LocalDate today, DayOfWeek weekday, @Nullable Integer week, @Nullable Days span, String text) {
            LocalDate upcoming = today.with(TemporalAdjusters.next(weekday));
            if (span != null) {
                if (span.periodOfWeek() == null) {
                    // "ein Freitag Anfang Dezember": which Friday is not said
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                LocalDate day = span.periodOfWeek().with(weekday);
                if (!span.containsUnclipped(day)) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                return ParseResult.parsed(Days.single(day, day.isBefore(today) ? upcoming : null));
            }
            if (week != null) {
                LocalDate day = today.with(DayOfWeek.MONDAY).plusWeeks(week).with(weekday);
                return ParseResult.parsed(Days.single(day, day.isBefore(today) ? upcoming : null));
            }
            Set<WeekdayModifier> modifiers =
                    weekdays.stream().map(WeekdayFact::modifier).collect(Collectors.toSet());
            if (modifiers.size() > 1 && !(modifiers.size() == 2 && modifiers.contains(WeekdayModifier.PLAIN))) {
                return ParseResult.invalid(ParseFailure.CONFLICTING, text);
            }
            LocalDate endOfThisWeek = today.with(DayOfWeek.SUNDAY);
            if (modifiers.contains(WeekdayModifier.LAST)) {
                return ParseResult.parsed(Days.single(today.with(TemporalAdjusters.previous(weekday)), upcoming));
            }
            if (modifiers.contains(WeekdayModifier.AFTER_NEXT)) {
                if (!upcoming.isAfter(endOfThisWeek)) {
                    return ambiguous(upcoming.plusWeeks(1), upcoming.plusWeeks(2), text);
                }
                return ParseResult.parsed(Days.single(upcoming.plusWeeks(1), null));
            }
            if (modifiers.contains(WeekdayModifier.NEXT) && !upcoming.isAfter(endOfThisWeek)) {
                // "nächsten Dienstag" said on a Monday: tomorrow, or Tuesday next week?
                return ambiguous(upcoming, upcoming.plusWeeks(1), text);
            }
            if (modifiers.contains(WeekdayModifier.THIS)) {
                return ParseResult.parsed(Days.single(today.with(TemporalAdjusters.nextOrSame(weekday)), null));
            }
            return ParseResult.parsed(Days.single(upcoming, null));
        }

        /** Two different days said; the detail names both, as said, so the caller can be asked which. */
        private static <T> ParseResult<T> conflicting(LocalDate one, LocalDate other, String text) {
            return ParseResult.invalid(ParseFailure.CONFLICTING, text, one + " " + other);
        }

        private static <T> ParseResult<T> ambiguous(LocalDate one, LocalDate other, String text) {
            return ParseResult.invalid(ParseFailure.AMBIGUOUS, text, one + " " + other);
        }

        /** The days of a period, from today on; a period already over is kept, with the next such period instead. */
        private static Days period(PeriodFact period, LocalDate today) {
            LocalDate first;
            LocalDate last;
            LocalDate monday = today.with(DayOfWeek.MONDAY).plusWeeks(period.offset());
            if (period.days() > 0) {
                first = today;
                last = today.plusDays(period.days());
            } else if (period.week()) {
                switch (period.part()) {
                    case EARLY -> {
                        first = monday;
                        last = monday.plusDays(1);
                    }
                    case MIDDLE -> {
                        first = monday.plusDays(1);
                        last = monday.plusDays(3);
                    }
                    case LATE -> {
                        first = monday.plusDays(3);
                        last = monday.plusDays(5);
                    }
                    case WEEKEND -> {
                        first = monday.plusDays(5);
                        last = monday.plusDays(6);
                    }
                    case REST_OF_WEEK -> {
                        first = today.plusDays(1).isAfter(monday.plusDays(6)) ? today : today.plusDays(1);
                        last = monday.plusDays(6);
                    }
                    default -> {
                        first = monday;
                        last = monday.plusDays(6);
                    }
                }
            } else {
                YearMonth month = YearMonth.from(today).plusMonths(period.offset());
                if (period.monthName() != null) {
                    month = YearMonth.of(today.getYear(), period.monthName());
                    if (monthPart(month, period.part())[1].isBefore(today)) {
                        month = month.plusYears(1);
                    }
                }
                LocalDate[] bounds = monthPart(month, period.part());
                first = bounds[0];
                last = bounds[1];
            }
            LocalDate instead = null;
            if (last.isBefore(today)) {
                int days = period.week() ? 7 : 0;
                instead = days > 0 ? first.plusDays(days) : first.plusMonths(1);
            }
            LocalDate clipped = first.isBefore(today) && !last.isBefore(today) ? today : first;
            return new Days(clipped, last, instead, period.week() && period.days() == 0 ? monday : null, first);
        }

        private static LocalDate[] monthPart(YearMonth month, Part part) {
            return switch (part) {
                case EARLY -> new LocalDate[] {month.atDay(1), month.atDay(10)};
                case MIDDLE -> new LocalDate[] {month.atDay(11), month.atDay(20)};
                case LATE -> new LocalDate[] {month.atDay(21), month.atEndOfMonth()};
                default -> new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            };
        }

        /** All windows said, intersected; empty when none was said. */
        ParseResult<Optional<TimeWindow>> window(String text) {
            TimeWindow combined = null;
            for (WindowFact fact : windows) {
                ParseResult<TimeWindow> resolved = fact.resolve(text);
                if (resolved instanceof ParseResult.Invalid<TimeWindow> invalid) {
                    return ParseResult.invalid(invalid.reason(), text);
                }
                TimeWindow window = resolved.orElseThrow();
                if (combined == null) {
                    combined = window;
                } else {
                    Optional<TimeWindow> overlap = combined.intersect(window);
                    if (overlap.isEmpty()) {
                        return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                    }
                    combined = overlap.get();
                }
            }
            return ParseResult.parsed(Optional.ofNullable(combined));
        }

        /**
         * The one time said (repetitions allowed), read with the window as a morning/afternoon hint; "kurz nach
         * zehn" is 10:10, "kurz vor zehn" 9:50.
         */
        ParseResult<Optional<LocalTime>> time(@Nullable TimeWindow hint, String text) {
            LocalTime time = null;
            for (SpokenTime fact : times) {
                Optional<LocalTime> resolved = fact.resolve(hint);
                if (resolved.isEmpty()) {
                    return ParseResult.invalid(ParseFailure.IMPOSSIBLE_TIME, text);
                }
                if (time != null && !time.equals(resolved.get())) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                time = resolved.get();
            }
            if (time != null && approximation.offsetMinutes != 0) {
                time = time.plusMinutes(approximation.offsetMinutes);
            }
            return ParseResult.parsed(Optional.ofNullable(time));
        }

        /** Whether the time said was meant approximately ("gegen 10", "kurz nach 10", "around 4"). */
        boolean approximate() {
            return approximation != Approximation.EXACT && !times.isEmpty();
        }
    }

    /**
     * The day or days meant: {@code first} to {@code last} inclusive (one day for a day); {@code instead} the day the
     * caller may have meant when all of it is past; {@code periodOfWeek} the Monday of the week a week period
     * lies in; {@code unclippedFirst} the period's first day before days already past were cut off.
     */
    record Days(
            LocalDate first,
            LocalDate last,
            @Nullable LocalDate instead,
            @Nullable LocalDate periodOfWeek,
            LocalDate unclippedFirst) {

        static Days single(LocalDate day, @Nullable LocalDate instead) {
            return new Days(day, day, instead, null, day);
        }

        boolean isPeriod() {
            return last.isAfter(first) || periodOfWeek != null || !unclippedFirst.equals(first);
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }

        boolean containsUnclipped(LocalDate day) {
            return !day.isBefore(unclippedFirst) && !day.isAfter(last);
        }
    }
}
