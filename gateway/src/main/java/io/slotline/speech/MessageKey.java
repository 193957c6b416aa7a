package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers the agent speaks, in German (Sie-form) and English. Placeholders are {@code {name}}; fill times and
 * days with {@link SpokenTimes}, lists with {@link SpokenTimes#orList} / {@link SpokenTimes#andList}, durations
 * ({@code notice}) with {@link SpokenTimes#duration} and amounts ({@code fee}) with {@link SpokenTimes#price}.
 * Render with {@link Messages#render}.
 */
public enum MessageKey {

    /** {time}: a slot, e.g. "Dienstag um 14 Uhr 30". */
    SLOT_FREE(
            "{time} ist frei. Soll ich den Termin für Sie buchen?",
            "{time} is available. Shall I book it for you?"),
    /** {time}: the requested slot; {alternatives}: free slots as a spoken list. */
    SLOT_TAKEN_WITH_ALTERNATIVES(
            "{time} ist leider schon vergeben. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "{time} is already taken, I'm afraid. I could offer {alternatives}. Would one of those suit you?"),
    /** {day}: "heute", "Dienstag", ... */
    NO_ALTERNATIVES(
            "Für {day} habe ich leider keinen freien Termin mehr. Soll ich an einem anderen Tag schauen?",
            "I'm sorry, there's nothing left for {day}. Shall I look at another day?"),
    CLOSED_DAY(
            "Leider haben wir {day} geschlossen. Darf ich Ihnen einen anderen Tag vorschlagen?",
            "I'm sorry, we're closed {day}. May I suggest another day?"),
    IN_PAST(
            "{time} liegt leider schon in der Vergangenheit. Welcher andere Termin würde Ihnen passen?",
            "{time} has already passed. What other time would suit you?"),
    INVALID_DATE(
            "Das Datum habe ich leider nicht verstanden. An welchem Tag hätten Sie gern einen Termin?",
            "Sorry, I didn't quite catch the date. Which day would you like to come in?"),
    INVALID_TIME(
            "Die Uhrzeit habe ich leider nicht verstanden. Um wie viel Uhr hätten Sie gern den Termin?",
            "Sorry, I didn't quite catch the time. What time would you like?"),
    /** {service}: what the caller said; {closest}: names of offered services as a spoken list. */
    UNKNOWN_SERVICE(
            "{service} finde ich leider nicht in unserem Angebot. Wir haben zum Beispiel {closest}. Was darf es sein?",
            "I'm afraid I can't find {service} among our services. We offer, for example, {closest}. "
                    + "Which would you like?"),
    /** {options}: service names joined with "oder"/"or". */
    AMBIGUOUS_SERVICE(
            "Meinen Sie {options}?",
            "Do you mean {options}?"),
    BOOKED(
            "Vielen Dank, {name}. Ihr Termin für {service} ist gebucht: {time}. Wir freuen uns auf Sie!",
            "Thank you, {name}. Your {service} is booked for {time}. We look forward to seeing you!"),
    BOOKED_WITH_STAFF(
            "Vielen Dank, {name}. Ihr Termin für {service} bei {staff} ist gebucht: {time}. Wir freuen uns auf Sie!",
            "Thank you, {name}. Your {service} with {staff} is booked for {time}. We look forward to seeing you!"),
    BOOKING_SLOT_GONE(
            "Das tut mir leid, {time} wurde gerade eben vergeben. Soll ich nach einer anderen Zeit schauen?",
            "I'm sorry, {time} was just taken. Shall I look for another time?"),
    CALCOM_UNAVAILABLE(
            "Ich kann den Kalender gerade leider nicht erreichen. Darf ich Sie zurückrufen, sobald es wieder geht?",
            "I can't reach the calendar right now, I'm sorry. May I call you back as soon as it's working again?"),
    NEXT_AVAILABLE(
            "Der nächste freie Termin ist {time}. Passt Ihnen das?",
            "The next available appointment is {time}. Does that suit you?"),
    CANCELLED(
            "Ich habe Ihren Termin storniert: {service}, {time}. Kann ich sonst noch etwas für Sie tun?",
            "I've cancelled your {service} appointment for {time}. Is there anything else I can do for you?"),
    RESCHEDULED(
            "Ich habe Ihren Termin verschoben. Ihr neuer Termin: {time}.",
            "I've moved your appointment. Your new time is {time}."),
    /** {notice}: a duration such as "24 Stunden"; {fee}: an amount such as "15 Euro". */
    FEE_NOTICE(
            "Bitte beachten Sie: Bei einer Absage weniger als {notice} vor dem Termin berechnen wir {fee}. "
                    + "Möchten Sie trotzdem stornieren?",
            "Please note: for cancellations less than {notice} before the appointment we charge {fee}. "
                    + "Would you still like to cancel?"),
    DEADLINE_PASSED(
            "Änderungen und Absagen sind leider nur bis {notice} vor dem Termin möglich. "
                    + "Soll sich jemand aus dem Team bei Ihnen melden?",
            "I'm sorry, changes and cancellations are only possible up to {notice} before the appointment. "
                    + "Shall someone from the team call you back?"),
    NO_APPOINTMENT_FOUND(
            "Ich finde leider keinen Termin unter Ihrer Telefonnummer. Auf welchen Namen wurde er gebucht?",
            "I can't find an appointment under your phone number. What name was it booked under?"),
    /** {appointments}: the caller's appointments as a spoken list. */
    WHICH_APPOINTMENT(
            "Ich sehe mehrere Termine: {appointments}. Welchen meinen Sie?",
            "I can see several appointments: {appointments}. Which one do you mean?"),
    REQUEST_IN_PROGRESS(
            "Einen Moment bitte, ich bin noch dabei, das für Sie zu erledigen.",
            "One moment please, I'm still taking care of that for you."),
    CALLBACK_RECORDED(
            "Alles klar, ich habe Ihren Rückrufwunsch notiert. Wir melden uns so bald wie möglich bei Ihnen.",
            "All right, I've noted that you'd like a call back. We'll get back to you as soon as possible."),
    GREETING_KNOWN_CUSTOMER(
            "Hallo {name}, willkommen zurück bei {company}! Wie kann ich Ihnen helfen?",
            "Hello {name}, welcome back to {company}! How can I help you?"),
    UNKNOWN_NUMBER(
            "Ihre Nummer habe ich noch nicht bei uns gespeichert. Darf ich Ihren Namen erfahren?",
            "I don't have your number on file yet. May I have your name, please?"),
    /** {latest}: the last bookable day, e.g. "Dienstag, den 19. Januar". */
    OUTSIDE_BOOKING_WINDOW(
            "Termine kann ich leider nur bis {latest} vergeben. Darf es ein früherer Tag sein?",
            "I'm afraid I can only book appointments up to {latest}. Would an earlier day work for you?"),
    /** {time}: the requested slot; {earliest}: the first slot the minimum notice allows. */
    TOO_SHORT_NOTICE(
            "{time} ist leider zu kurzfristig. Der früheste mögliche Termin ist {earliest}.",
            "{time} is too soon, I'm afraid. The earliest possible appointment is {earliest}.");

    private final String german;
    private final String english;
    private final Set<String> placeholders;

    MessageKey(String german, String english) {
        this.german = german;
        this.english = english;
        this.placeholders = placeholdersOf(german);
        if (!placeholders.equals(placeholdersOf(english))) {
            throw new IllegalStateException(name() + ": German and English templates need the same placeholders");
        }
    }

    public String template(Language language) {
        return language == Language.DE ? german : english;
    }

    /** Names of the placeholders, the same in both languages. */
    public Set<String> placeholders() {
        return placeholders;
    }

    private static Set<String> placeholdersOf(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Placeholder.PATTERN.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return Set.copyOf(names);
    }

    /** Outside the enum body proper: enum constants are built before the enum's own static fields. */
    static final class Placeholder {
        static final Pattern PATTERN = Pattern.compile("\\{([a-zA-Z]+)}");

        private Placeholder() {
        }
    }
}
