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
 * normalised text; each blanks out what it understood, so later, looser recognisers never re-read it. Unknown
 * words are ignored ("am", "den", "on the", "bitte"), but a number that no recogniser claimed makes the whole
 * argument unparseable: silently dropping a number would drop a day or an hour.
 *
 * <p>Order: ISO date-time; numeric dates; day + month name; windows ("zwischen 10 und 12", "ab 15 Uhr",
 * "nachmittags"); times; a day of the month alone ("am 19.", "the 19th"); relative days ("morgen", "in 3 Tagen");
 * weeks and weekdays.
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
                    if (day <= candidate.lengthOfMonth() && !candidate.atDay(day).isBefore(today)) {
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
    }

    enum WeekdayModifier { NEXT, THIS, AFTER_NEXT }

    record WeekdayFact(DayOfWeek day, WeekdayModifier modifier) {
    }

    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final String MONTH = alternation(MONTHS.keySet());
    private static final String WEEKDAY = alternation(WEEKDAYS.keySet());
    private static final String GERMAN_WEEKDAY = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag";
    private static final String COUNT = "((?<![\\d.:])\\d{1,2}(?!\\d)|" + NumberWords.REGEX + "|einer|einem|an|a)";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d.])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:\\s*t\\s*|\\s+)(\\d{1,2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?"
                    + "(?:\\s*(?:z|utc|[+-]\\d{2}(?::?\\d{2})?))?)?(?![\\d])");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d.:/-])(\\d{1,2})([./])(\\d{1,2})(?:([./])(\\d{4}|\\d{2})?)?(?![\\d:])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th|ten|ter|te)?\\s*(?:of\\s+)?(" + MONTH + ")(?![a-z])\\.?"
                    + "(?:\\s+(\\d{4})(?![\\d:.]))?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![a-z])(" + MONTH + ")(?![a-z])\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|\\.(?!\\d))?(?![\\d:a-z])"
                    + "(?!\\s*(?:uhr|h|am|pm|oclock)(?![a-z]))(?:\\s+(\\d{4})(?![\\d:.]))?");
    private static final Pattern ORDINAL_DAY = Pattern.compile("(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th|ten|ter|te)(?![a-z\\d])");
    private static final Pattern ARTICLE_DAY = Pattern.compile(
            "(?<![a-z])(?:am|den|dem|the|on\\s+the)\\s+(\\d{1,2})\\.?(?![\\d:])(?!\\s*(?:uhr|h|am|pm|oclock)(?![a-z]))");

    private static final Pattern TODAY_PART = Pattern.compile(
            "(?<![a-z])(?:this\\s+(morning|afternoon|evening)|(tonight))(?![a-z])");
    private static final Pattern MORNING = Pattern.compile(
            "(?<![a-z])(?:vormittags?|morgens|mornings?|in\\s+der\\s+frueh)(?![a-z])"
                    + "|(?<=(?:heute|am|" + GERMAN_WEEKDAY + ")\\s)morgen(?![a-z])"
                    + "|(?<=(?:heute|morgen|" + GERMAN_WEEKDAY + ")\\s)frueh(?![a-z])");
    private static final Pattern MIDDAY = Pattern.compile(
            "(?<![a-z])(?:mittags|mittagszeit|(?:ueber|am)\\s+(?:die\\s+)?mittag(?:szeit)?|lunch\\s?time"
                    + "|(?:around|at|over)\\s+lunch)(?![a-z])");
    private static final Pattern AFTERNOON = Pattern.compile("(?<![a-z])(?:nachmittags?|afternoons?)(?![a-z])");
    private static final Pattern EVENING = Pattern.compile("(?<![a-z])(?:abends?|evenings?)(?![a-z])");

    private static final Pattern IN_DAYS = Pattern.compile(
            "(?<![a-z])in\\s+" + COUNT + "\\s+(tagen?|days?|wochen?|weeks?)(?![a-z])");
    private static final Pattern DAYS_FROM = Pattern.compile(
            "(?<![a-z])" + COUNT + "\\s+(days?|weeks?)\\s+from\\s+(now|today|tomorrow)(?![a-z])");
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile(
            "(?<![a-z])(?:uebermorgen|(?:the\\s+)?day\\s+after\\s+tomorrow)(?![a-z])");
    private static final Pattern TODAY = Pattern.compile("(?<![a-z])(?:heute|today)(?![a-z])");
    private static final Pattern TOMORROW = Pattern.compile("(?<![a-z])(?:morgen|tomorrow)(?![a-z])");

    private static final Pattern WEEK_AFTER_NEXT = Pattern.compile(
            "(?<![a-z])(?:(?:the\\s+)?week\\s+after\\s+next|(?:in\\s+der\\s+)?uebernaechste[nr]?\\s+woche)(?![a-z])");
    private static final Pattern NEXT_WEEK = Pattern.compile(
            "(?<![a-z])(?:next\\s+week|the\\s+following\\s+week"
                    + "|(?:in\\s+der\\s+)?(?:naechste[nr]?|kommende[nr]?|folgende[nr]?)\\s+woche)(?![a-z])");
    private static final Pattern THIS_WEEK = Pattern.compile("(?<![a-z])(?:this\\s+week|(?:in\\s+)?diese[nr]?\\s+woche)(?![a-z])");
    private static final Pattern WEEKDAY_PHRASE = Pattern.compile(
            "(?<![a-z])(?:(this\\s+coming|uebernaechste[nrms]?|naechste[nrms]?|kommende[nrms]?|next|coming|upcoming"
                    + "|diese[nrms]?|this|following)\\s+)?(?:(?:am|on)\\s+)?(" + WEEKDAY + ")(?![a-z])");

    private static final Set<String> TIME_CONTEXT_BEFORE = Set.of("um", "at", "gegen", "ab", "bis", "von", "zwischen",
            "und", "and", "from", "after", "before", "until", "till", "nach", "vor", "ca", "circa", "etwa", "around", "about");
    private static final Pattern TIME_CONTEXT_AFTER = Pattern.compile("\\s*(?:uhr|h|am|pm|oclock)(?![a-z]).*");
    private static final Pattern MINUTE_LEAD = Pattern.compile(
            "\\d{1,2}|" + NumberWords.REGEX + "|viertel|dreiviertel|halb|minuten?|minutes?|quarter|half");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    /** Far above any date phrase; bounds the scanning cost of a runaway argument (the whole transcript). */
    static final int MAX_TEXT_LENGTH = 200;

    private final Mode mode;
    private final TimeForms timeForms;
    private final Facts facts = new Facts();
    private String work;

    private ExpressionScanner(String normalised, Language language, Mode mode) {
        this.work = normalised;
        this.mode = mode;
        this.timeForms = TimeForms.of(language);
    }

    static Facts scan(String text, Language language, Mode mode) {
        if (text.length() > MAX_TEXT_LENGTH) {
            Facts refused = new Facts();
            refused.tooLong = true;
            return refused;
        }
        ExpressionScanner scanner = new ExpressionScanner(SpeechText.normalise(text), language, mode);
        scanner.scanDates();
        scanner.scanWindows();
        scanner.scanTimes();
        scanner.scanDayOfMonth();
        scanner.scanRelativeDays();
        scanner.scanWeeks();
        scanner.facts.leftover = scanner.work.trim();
        return scanner.facts;
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
            if (dotted && m.group(5) == null && (m.group(4) == null || Integer.parseInt(m.group(3)) > 12)
                    && readsAsTime(m)) {
                return false;
            }
            int first = number(m, 1);
            int second = number(m, 3);
            boolean monthFirst = !dotted && first <= 12 && second > 12;
            Integer year = m.group(5) == null ? null
                    : m.group(5).length() == 2 ? 2000 + number(m, 5) : number(m, 5);
            facts.dates.add(new DateFact(year, monthFirst ? first : second, monthFirst ? second : first));
            return true;
        });
        consume(DAY_MONTH, m -> {
            facts.dates.add(new DateFact(m.group(3) == null ? null : number(m, 3), MONTHS.get(m.group(2)), number(m, 1)));
            return true;
        });
        consume(MONTH_DAY, m -> {
            facts.dates.add(new DateFact(m.group(3) == null ? null : number(m, 3), MONTHS.get(m.group(1)), number(m, 2)));
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

    private void scanWindows() {
        consume(TODAY_PART, m -> {
            facts.dayOffsets.add(0);
            String part = m.group(1) == null ? "evening" : m.group(1);
            facts.windows.add(new WindowFact.Named(switch (part) {
                case "morning" -> TimeWindow.MORNING;
                case "afternoon" -> TimeWindow.AFTERNOON;
                default -> TimeWindow.EVENING;
            }));
            return true;
        });
        consume(timeForms.between, m -> addBetween(m.group(1), m.group(2)));
        consume(timeForms.fromTo, m -> addBetween(m.group(1), m.group(2)));
        consume(timeForms.range, m -> m.group(1) != null ? addBetween(m.group(1), m.group(2))
                : addBetween(m.group(3), m.group(4)));
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
        consume(WEEK_AFTER_NEXT, m -> facts.weekOffsets.add(2));
        consume(NEXT_WEEK, m -> facts.weekOffsets.add(1));
        consume(THIS_WEEK, m -> facts.weekOffsets.add(0));
        consume(WEEKDAY_PHRASE, m -> {
            String modifier = m.group(1) == null ? "" : m.group(1);
            WeekdayModifier meaning = modifier.startsWith("uebernaechst") ? WeekdayModifier.AFTER_NEXT
                    : modifier.startsWith("diese") || modifier.equals("this") ? WeekdayModifier.THIS
                    : WeekdayModifier.NEXT;
            return facts.weekdays.add(new WeekdayFact(WEEKDAYS.get(m.group(2)), meaning));
        });
    }

    /** Runs a recogniser over the unclaimed text; an accepted match is blanked out, keeping all positions. */
    private void consume(Pattern pattern, Predicate<MatchResult> accept) {
        int from = 0;
        while (from <= work.length()) {
            Matcher matcher = pattern.matcher(work);
            if (!matcher.find(from)) {
                return;
            }
            if (matcher.end() > matcher.start() && accept.test(matcher.toMatchResult())) {
                work = work.substring(0, matcher.start()) + " ".repeat(matcher.end() - matcher.start())
                        + work.substring(matcher.end());
                from = matcher.end();
            } else {
                from = matcher.start() + 1;
            }
        }
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
                {"januar", "jaenner", "january", "jan"}, {"februar", "feber", "february", "feb", "febr"},
                {"maerz", "marz", "march", "mar", "mrz"}, {"april", "apr"}, {"mai", "may"}, {"juni", "june", "jun"},
                {"juli", "july", "jul"}, {"august", "aug"}, {"september", "sept", "sep"},
                {"oktober", "october", "okt", "oct"}, {"november", "nov"}, {"dezember", "december", "dez", "dec"}};
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
                {"montag", "monday", "mon", "mo."}, {"dienstag", "tuesday", "tues", "tue", "di."},
                {"mittwoch", "wednesday", "wed", "mi."}, {"donnerstag", "thursday", "thurs", "thur", "thu", "do."},
                {"freitag", "friday", "fri", "fr."}, {"samstag", "sonnabend", "saturday", "sat", "sa."},
                {"sonntag", "sunday", "sun", "so."}};
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
        final List<SpokenTime> times = new ArrayList<>();
        final List<WindowFact> windows = new ArrayList<>();
        String leftover = "";
        boolean tooLong;

        /** A number no form accounts for, or a text too long to be one phrase. */
        boolean unparseable() {
            return tooLong || DIGIT.matcher(leftover).find();
        }

        /**
         * The day: an explicit date wins and is checked against a weekday or relative word said with it; then a
         * relative day ("morgen", "in 3 Tagen"), checked against a weekday; then a weekday.
         */
        ParseResult<LocalDate> date(LocalDate today, String text) {
            LocalDate explicit = null;
            for (DateFact fact : dates) {
                Optional<LocalDate> resolved = fact.resolve(today);
                if (resolved.isEmpty()) {
                    return ParseResult.invalid(ParseFailure.IMPOSSIBLE_DATE, text);
                }
                if (explicit != null && !explicit.equals(resolved.get())) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                explicit = resolved.get();
            }
            Set<Integer> bases = new LinkedHashSet<>(dayOffsets);
            Set<DayOfWeek> days = weekdays.stream().map(WeekdayFact::day).collect(Collectors.toSet());
            Set<Integer> weeks = new LinkedHashSet<>(weekOffsets);
            if (bases.size() > 1 || days.size() > 1 || weeks.size() > 1 || inDays.size() + inWeeks.size() > 1) {
                return ParseResult.invalid(ParseFailure.CONFLICTING, text);
            }
            DayOfWeek weekday = days.isEmpty() ? null : days.iterator().next();
            if (weeks.isEmpty() && weekday != null && !inWeeks.isEmpty()) {
                // "Dienstag in zwei Wochen": the Tuesday of the week two weeks ahead
                weeks.add(inWeeks.get(0));
            }
            LocalDate relative = null;
            if (!bases.isEmpty() || !inDays.isEmpty() || (!inWeeks.isEmpty() && weekday == null)) {
                int days0 = bases.isEmpty() ? 0 : bases.iterator().next();
                int distance = inDays.stream().mapToInt(Integer::intValue).sum()
                        + (weekday == null ? 7 * inWeeks.stream().mapToInt(Integer::intValue).sum() : 0);
                relative = today.plusDays(days0 + distance);
            }
            if (explicit != null) {
                if ((relative != null && !relative.equals(explicit))
                        || (weekday != null && explicit.getDayOfWeek() != weekday)) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                return ParseResult.parsed(explicit);
            }
            if (relative != null) {
                if (weekday != null && relative.getDayOfWeek() != weekday) {
                    return ParseResult.invalid(ParseFailure.CONFLICTING, text);
                }
                return ParseResult.parsed(relative);
            }
            if (weekday != null) {
                return ParseResult.parsed(weeks.isEmpty() ? byModifier(today, weekday)
                        : today.with(DayOfWeek.MONDAY).plusWeeks(weeks.iterator().next()).with(weekday));
            }
            boolean saidSomething = !times.isEmpty() || !windows.isEmpty() || !weeks.isEmpty();
            return ParseResult.invalid(saidSomething ? ParseFailure.MISSING_DATE : ParseFailure.UNPARSEABLE, text);
        }

        private LocalDate byModifier(LocalDate today, DayOfWeek weekday) {
            Set<WeekdayModifier> modifiers = weekdays.stream().map(WeekdayFact::modifier).collect(Collectors.toSet());
            if (modifiers.contains(WeekdayModifier.AFTER_NEXT)) {
                return today.with(TemporalAdjusters.next(weekday)).plusWeeks(1);
            }
            if (modifiers.contains(WeekdayModifier.NEXT)) {
                return today.with(TemporalAdjusters.next(weekday));
            }
            return today.with(TemporalAdjusters.nextOrSame(weekday));
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

        /** The one time said (repetitions allowed), read with the window as a morning/afternoon hint. */
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
            return ParseResult.parsed(Optional.ofNullable(time));
        }
    }
}
