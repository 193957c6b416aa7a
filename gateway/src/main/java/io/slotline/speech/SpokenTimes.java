package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Speakable text for times, days, lists, durations and prices, written for a TTS voice: digits where a voice reads
 * them well, words where it does not ("eineinhalb Stunden", "noon").
 *
 * <p>Style, the same in both languages: "heute"/"today" and "morgen"/"tomorrow" for the next two days; the weekday
 * alone for the following five ("Dienstag um 14 Uhr 30", "Tuesday at 2:30 pm"); weekday, day and month from a week
 * ahead ("Dienstag, den 19. November, um 14 Uhr", "Tuesday, November 19 at 2 pm"), and also for past days; the year
 * only when it differs from this year and the day is in the past or more than half a year ahead. German times are
 * 24-hour ("14 Uhr 30", "9 Uhr 5"); English times are 12-hour ("2:30 pm", "9:05 am", "noon", "midnight").
 */
public final class SpokenTimes {

    private static final int WEEKDAY_ONLY_UP_TO_DAYS = 6;
    private static final int YEAR_SPOKEN_BEYOND_DAYS = 182;
    private static final String[] GERMAN_WEEKDAYS = {
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"
    };
    private static final String[] ENGLISH_WEEKDAYS = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    };
    private static final String[] GERMAN_MONTHS = {
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember"
    };
    private static final String[] ENGLISH_MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };
    private static final String[] GERMAN_HALF_HOURS = {
        "", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"
    };

    /** Main unit singular, plural; sub-unit singular, plural. */
    private record CurrencyWords(String unit, String units, String subunit, String subunits) {}

    private static final Map<String, Map<Language, CurrencyWords>> CURRENCIES = Map.of(
            "EUR",
                    Map.of(
                            Language.DE,
                            new CurrencyWords("Euro", "Euro", "Cent", "Cent"),
                            Language.EN,
                            new CurrencyWords("euro", "euros", "cent", "cents")),
            "GBP",
                    Map.of(
                            Language.DE,
                            new CurrencyWords("Pfund", "Pfund", "Penny", "Pence"),
                            Language.EN,
                            new CurrencyWords("pound", "pounds", "penny", "pence")),
            "USD",
                    Map.of(
                            Language.DE,
                            new CurrencyWords("Dollar", "Dollar", "Cent", "Cent"),
                            Language.EN,
                            new CurrencyWords("dollar", "dollars", "cent", "cents")),
            "CHF",
                    Map.of(
                            Language.DE,
                            new CurrencyWords("Franken", "Franken", "Rappen", "Rappen"),
                            Language.EN,
                            new CurrencyWords("franc", "francs", "centime", "centimes")));

    private SpokenTimes() {}

    /** "14 Uhr", "14 Uhr 30", "9 Uhr 5"; "2 pm", "2:30 pm", "9:05 am", "noon", "midnight". */
    public static String time(LocalTime time, Language language) {
        int hour = time.getHour();
        int minute = time.getMinute();
        if (language == Language.DE) {
            return minute == 0 ? hour + " Uhr" : hour + " Uhr " + minute;
        }
        if (minute == 0 && hour == 12) {
            return "noon";
        }
        if (minute == 0 && hour == 0) {
            return "midnight";
        }
        int twelveHour = hour % 12 == 0 ? 12 : hour % 12;
        String suffix = hour < 12 ? " am" : " pm";
        return minute == 0 ? twelveHour + suffix : String.format(Locale.ROOT, "%d:%02d%s", twelveHour, minute, suffix);
    }

    /** "heute", "morgen", "Dienstag", "Dienstag, den 19. November"; "today", "tomorrow", "Tuesday, November 19". */
    public static String day(LocalDate date, LocalDate today, Language language) {
        long ahead = ChronoUnit.DAYS.between(today, date);
        if (ahead == 0) {
            return language == Language.DE ? "heute" : "today";
        }
        if (ahead == 1) {
            return language == Language.DE ? "morgen" : "tomorrow";
        }
        if (ahead == -1) {
            return language == Language.DE ? "gestern" : "yesterday";
        }
        String weekday = weekday(date, language);
        if (!namesTheDate(date, today)) {
            return weekday;
        }
        boolean withYear = date.getYear() != today.getYear() && (ahead < 0 || ahead > YEAR_SPOKEN_BEYOND_DAYS);
        int month = date.getMonthValue() - 1;
        if (language == Language.DE) {
            return weekday + ", den " + date.getDayOfMonth() + ". " + GERMAN_MONTHS[month]
                    + (withYear ? " " + date.getYear() : "");
        }
        return weekday + ", " + ENGLISH_MONTHS[month] + " " + date.getDayOfMonth()
                + (withYear ? ", " + date.getYear() : "");
    }

    /**
     * Several days: "von Montag bis Mittwoch", "von heute bis Sonntag" within the coming week, else "vom 1. bis 10.
     * Dezember", "vom 30. November bis 2. Dezember"; "from Monday to Wednesday", "from December 1 to 10".
     */
    public static String period(LocalDate first, LocalDate last, LocalDate today, Language language) {
        if (!namesTheDate(first, today) && !namesTheDate(last, today)) {
            return language == Language.DE
                    ? "von " + day(first, today, language) + " bis " + day(last, today, language)
                    : "from " + day(first, today, language) + " to " + day(last, today, language);
        }
        boolean sameMonth = first.getMonth() == last.getMonth() && first.getYear() == last.getYear();
        if (language == Language.DE) {
            String from =
                    first.getDayOfMonth() + "." + (sameMonth ? "" : " " + GERMAN_MONTHS[first.getMonthValue() - 1]);
            return "vom " + from + " bis " + last.getDayOfMonth() + ". " + GERMAN_MONTHS[last.getMonthValue() - 1];
        }
        String to = sameMonth
                ? String.valueOf(last.getDayOfMonth())
                : ENGLISH_MONTHS[last.getMonthValue() - 1] + " " + last.getDayOfMonth();
        return "from " + ENGLISH_MONTHS[first.getMonthValue() - 1] + " " + first.getDayOfMonth() + " to " + to;
    }

    /** A day of a month as a calendar names it, also one that does not exist: "30. Februar"; "February 30". */
    public static String calendarDay(int month, int dayOfMonth, Language language) {
        return language == Language.DE
                ? dayOfMonth + ". " + GERMAN_MONTHS[month - 1]
                : ENGLISH_MONTHS[month - 1] + " " + dayOfMonth;
    }

    /** "heute um 14 Uhr", "Dienstag um 14 Uhr 30", "Dienstag, den 19. November, um 14 Uhr"; "Tuesday at 2:30 pm". */
    public static String dateTime(LocalDateTime dateTime, LocalDate today, Language language) {
        return dayAndTimes(dateTime.toLocalDate(), List.of(dateTime.toLocalTime()), today, language);
    }

    /** As {@link #dateTime(LocalDateTime, LocalDate, Language)}, for an instant read in the zone of {@code now}. */
    public static String dateTime(Instant instant, ZonedDateTime now, Language language) {
        return dateTime(LocalDateTime.ofInstant(instant, now.getZone()), now.toLocalDate(), language);
    }

    /** "14 Uhr, 14 Uhr 30 oder 15 Uhr"; "2 pm, 2:30 pm or 3 pm". */
    public static String times(List<LocalTime> times, Language language) {
        return orList(times.stream().map(time -> time(time, language)).toList(), language);
    }

    /**
     * Several slots, grouped by day in the given order: "morgen um 9 Uhr oder 9 Uhr 30, oder Dienstag um 14 Uhr";
     * "tomorrow at 9 am or 9:30 am, or Tuesday at 2 pm".
     */
    public static String dateTimes(List<LocalDateTime> slots, LocalDate today, Language language) {
        List<String> groups = new ArrayList<>();
        int index = 0;
        while (index < slots.size()) {
            LocalDate date = slots.get(index).toLocalDate();
            List<LocalTime> times = new ArrayList<>();
            while (index < slots.size() && slots.get(index).toLocalDate().equals(date)) {
                times.add(slots.get(index).toLocalTime());
                index++;
            }
            groups.add(dayAndTimes(date, times, today, language));
        }
        if (groups.size() <= 1) {
            return groups.isEmpty() ? "" : groups.get(0);
        }
        String or = language == Language.DE ? ", oder " : ", or ";
        return String.join(", ", groups.subList(0, groups.size() - 1)) + or + groups.get(groups.size() - 1);
    }

    /** "A, B oder C"; "A, B or C"; a single item alone. */
    public static String orList(List<String> items, Language language) {
        return join(items, language == Language.DE ? " oder " : " or ");
    }

    /** "A, B und C"; "A, B and C". */
    public static String andList(List<String> items, Language language) {
        return join(items, language == Language.DE ? " und " : " and ");
    }

    /** "30 Minuten", "eine Stunde", "eineinhalb Stunden", "2 Stunden und 15 Minuten"; "1 hour 30 minutes". */
    public static String duration(Duration duration, Language language) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (language == Language.EN) {
            String minutesText = minutes + (minutes == 1 ? " minute" : " minutes");
            if (hours == 0) {
                return minutesText;
            }
            String hoursText = hours + (hours == 1 ? " hour" : " hours");
            return minutes == 0 ? hoursText : hoursText + " " + minutesText;
        }
        String minutesText = minutes == 1 ? "eine Minute" : minutes + " Minuten";
        if (hours == 0) {
            return minutesText;
        }
        if (minutes == 30 && hours < GERMAN_HALF_HOURS.length) {
            return GERMAN_HALF_HOURS[(int) hours] + "einhalb Stunden";
        }
        String hoursText = hours == 1 ? "eine Stunde" : hours + " Stunden";
        return minutes == 0 ? hoursText : hoursText + " und " + minutesText;
    }

    /** "25 Euro", "12 Euro 50", "50 Cent"; "25 euros", "1 euro", "12 euros 50". Rounded to cents. */
    public static String price(BigDecimal amount, String currencyCode, Language language) {
        long minorUnits =
                amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
        return priceInMinorUnits(minorUnits, currencyCode, language);
    }

    /** As {@link #price}, for an amount in cents (Cal.com stores prices in the smallest unit). */
    public static String priceInMinorUnits(long minorUnits, String currencyCode, Language language) {
        if (minorUnits < 0) {
            throw new IllegalArgumentException("negative price: " + minorUnits);
        }
        long units = minorUnits / 100;
        long cents = minorUnits % 100;
        Map<Language, CurrencyWords> known = CURRENCIES.get(currencyCode.toUpperCase(Locale.ROOT));
        if (known == null) {
            String decimal = language == Language.DE ? "," : ".";
            return (cents == 0 ? String.valueOf(units) : String.format(Locale.ROOT, "%d%s%02d", units, decimal, cents))
                    + " " + currencyCode.toUpperCase(Locale.ROOT);
        }
        CurrencyWords words = Objects.requireNonNull(known.get(language)); // every currency is spelt in each language
        if (units == 0 && cents > 0) {
            return cents + " " + (cents == 1 ? words.subunit() : words.subunits());
        }
        String main = units + " " + (units == 1 ? words.unit() : words.units());
        return cents == 0 ? main : main + " " + cents;
    }

    private static String dayAndTimes(LocalDate date, List<LocalTime> times, LocalDate today, Language language) {
        String day = day(date, today, language);
        String spokenTimes = times(times, language);
        if (language == Language.EN) {
            return day + " at " + spokenTimes;
        }
        // "Dienstag, den 19. November, um 14 Uhr": the date is an aside and closes with a comma
        return day + (namesTheDate(date, today) ? ", um " : " um ") + spokenTimes;
    }

    /**
     * Past days (but "gestern") and days from a week ahead are named with their date, nearer ones by weekday or
     * "heute"/"morgen".
     */
    private static boolean namesTheDate(LocalDate date, LocalDate today) {
        long ahead = ChronoUnit.DAYS.between(today, date);
        return ahead < -1 || ahead > WEEKDAY_ONLY_UP_TO_DAYS;
    }

    private static String weekday(LocalDate date, Language language) {
        int index = date.getDayOfWeek().getValue() - 1;
        return language == Language.DE ? GERMAN_WEEKDAYS[index] : ENGLISH_WEEKDAYS[index];
    }

    private static String join(List<String> items, String lastSeparator) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + lastSeparator + items.get(items.size() - 1);
    }
}
