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
    SLOT_FREE("{time} ist frei. Soll ich den Termin für Sie buchen?", "{time} is available. Shall I book it for you?"),
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
    /** {time}: the day (and time) asked for, already past; {suggestion}: what the caller may have meant instead. */
    IN_PAST(
            "{time} ist leider schon vorbei. Meinen Sie {suggestion}?",
            "{time} has already passed. Did you mean {suggestion}?"),
    /** {date}: a day no calendar has, e.g. "30. Februar"; {suggestion}: the last day of that month. */
    IMPOSSIBLE_DATE(
            "Einen {date} gibt es nicht. Meinen Sie {suggestion}?", "There is no {date}. Did you mean {suggestion}?"),
    /** {first}, {second}: the two days the caller's words can mean. */
    WHICH_DAY("Meinen Sie {first} oder {second}?", "Do you mean {first} or {second}?"),
    /** The caller said what they do not want ("nicht Montag"). */
    NEGATED_WISH(
            "Verstanden. Welcher Tag und welche Uhrzeit würden Ihnen denn passen?",
            "Understood. Which day and time would suit you instead?"),
    /** {words}: the caller's words that could change which day or time is meant. */
    UNCLEAR_WORDS(
            "Wie meinen Sie „{words}“ genau? Welchen Tag und welche Uhrzeit hätten Sie gern?",
            "What do you mean by \"{words}\"? Which day and time would you like?"),
    /** Booking needs one day and one exact time; the caller gave a period or an approximate time. */
    EXACT_TIME_NEEDED(
            "Für die Buchung brauche ich einen genauen Tag und eine genaue Uhrzeit. Welche darf ich eintragen?",
            "To book it I need an exact day and time. Which one shall I put down?"),
    /** {time}: a time the business is closed at, e.g. "morgen um 0 Uhr". */
    CLOSED_AT_TIME(
            "{time} haben wir leider geschlossen. Darf ich Ihnen eine andere Zeit vorschlagen?",
            "I'm sorry, we're closed {time}. May I suggest another time?"),
    /** {time}: a time the business is closed at; {alternatives}: free slots as a spoken list. */
    CLOSED_AT_TIME_WITH_ALTERNATIVES(
            "{time} haben wir leider geschlossen. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "I'm sorry, we're closed {time}. I could offer {alternatives}. Would one of those suit you?"),
    /** {day}: the day asked for; {times}: free times near the approximate time asked ("gegen halb drei"). */
    NEAR_TIME_OPTIONS(
            "{day} hätte ich um diese Zeit {times} frei. Welche Uhrzeit passt Ihnen?",
            "Around that time {day} I could offer {times}. Which time suits you?"),
    /** {day}: the day asked for; {alternatives}: the nearest free slots on it or other days. */
    NOTHING_NEAR_TIME(
            "Um diese Zeit ist {day} leider nichts frei. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "There's nothing free around that time {day}, I'm afraid. I could offer {alternatives}. "
                    + "Would one of those suit you?"),
    /** {period}: e.g. "von Montag bis Dienstag"; {alternatives}: free slots after it. */
    PERIOD_FULL_WITH_ALTERNATIVES(
            "{period} ist leider alles ausgebucht. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "I'm sorry, everything {period} is booked. I could offer {alternatives}. Would one of those suit you?"),
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
    AMBIGUOUS_SERVICE("Meinen Sie {options}?", "Do you mean {options}?"),
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
    /** {when}: the day and/or time the caller named; {appointments}: their upcoming appointments as a list. */
    NO_APPOINTMENT_AT(
            "Für {when} finde ich keinen Termin. Ich sehe {appointments}. Welchen meinen Sie?",
            "I can't find an appointment for {when}. I can see {appointments}. Which one do you mean?"),
    /** Nothing under the caller's number; the company lets the number it was booked under verify. */
    NO_APPOINTMENT_FOUND_ASK_BOOKED_PHONE(
            "Ich finde leider keinen Termin unter Ihrer Telefonnummer. Auf welchen Namen und unter welcher "
                    + "Telefonnummer wurde er gebucht?",
            "I can't find an appointment under your phone number. What name and which phone number was it "
                    + "booked under?"),
    IDENTIFY_ANONYMOUS(
            "Ihre Rufnummer wird leider nicht übertragen. Auf welchen Namen und für welchen Tag ist der Termin gebucht?",
            "Your number isn't shown, I'm afraid. What name and which day was the appointment booked for?"),
    CHANGE_NEEDS_NAME(
            "Auf welchen Namen und für welchen Tag ist der Termin gebucht?",
            "What name and which day was the appointment booked for?"),
    /** The caller is not calling from the number the appointment was booked under (or theirs is withheld). */
    VERIFY_BOOKED_PHONE(
            "Einen Termin kann ich nur ändern, wenn Sie von der Nummer anrufen, unter der er gebucht wurde, oder mir "
                    + "diese Nummer und den vollständigen Namen nennen, auf den er gebucht ist. Wie lauten der Name "
                    + "und die Telefonnummer?",
            "I can only change an appointment when you call from the number it was booked under, or tell me that "
                    + "number and the full name it was booked under. What are the name and the phone number?"),
    CHANGE_CALLBACK_NEEDS_PHONE(
            "Diesen Termin kann ich am Telefon leider nicht selbst ändern. Jemand aus unserem Team ruft Sie gern "
                    + "zurück: Unter welcher Nummer erreichen wir Sie?",
            "I'm afraid I can't change that appointment myself over the phone. Someone from our team can call you "
                    + "back: what number can we reach you on?"),
    CHANGE_CALLBACK_RECORDED(
            "Diesen Termin kann ich am Telefon leider nicht selbst ändern. Ich habe Ihr Anliegen mit Ihren Angaben "
                    + "für unser Team notiert, jemand ruft Sie zurück.",
            "I'm afraid I can't change that appointment myself over the phone. I've passed your request and the "
                    + "details on to our team, and someone will call you back."),
    /** {service}, {time}: the appointment that was cancelled before (on the web, or earlier in this call). */
    ALREADY_CANCELLED(
            "Ihr Termin für {service}, {time}, ist bereits storniert.",
            "Your {service} appointment for {time} is already cancelled."),
    /** {time}: where the appointment was moved to. */
    ALREADY_MOVED(
            "Dieser Termin wurde bereits verschoben, Ihr neuer Termin ist {time}.",
            "That appointment has already been moved, your new time is {time}."),
    /** {service}, {time}: the cancelled appointment; {fee}: the fee the caller agreed to. */
    CANCELLED_WITH_FEE(
            "Ich habe Ihren Termin storniert: {service}, {time}. Wie besprochen berechnen wir dafür {fee}.",
            "I've cancelled your {service} appointment for {time}. As discussed, we'll charge {fee} for it."),
    RESCHEDULED_WITH_FEE(
            "Ich habe Ihren Termin verschoben. Ihr neuer Termin: {time}. Wie besprochen berechnen wir dafür {fee}.",
            "I've moved your appointment. Your new time is {time}. As discussed, we'll charge {fee} for it."),
    /** {notice}: the notice from which it would have been cheaper, e.g. "48 Stunden"; {fee}: the amount. */
    RESCHEDULE_FEE_NOTICE(
            "Bitte beachten Sie: Bei einer Verschiebung weniger als {notice} vor dem Termin berechnen wir {fee}. "
                    + "Möchten Sie den Termin trotzdem verschieben?",
            "Please note: for changes less than {notice} before the appointment we charge {fee}. "
                    + "Would you still like to move it?"),
    /** {fee}: charged for every cancellation, whatever the notice. */
    CANCELLATION_FEE_FLAT(
            "Bitte beachten Sie: Für eine Absage berechnen wir {fee}. Möchten Sie trotzdem stornieren?",
            "Please note: we charge {fee} for a cancellation. Would you still like to cancel?"),
    RESCHEDULE_FEE_FLAT(
            "Bitte beachten Sie: Für eine Verschiebung berechnen wir {fee}. Möchten Sie den Termin trotzdem verschieben?",
            "Please note: we charge {fee} for moving an appointment. Would you still like to move it?"),
    /** {times}: "zweimal", "twice", "3 times". */
    RESCHEDULE_LIMIT_REACHED(
            "Dieser Termin wurde schon {times} verschoben, öfter geht es leider nicht. "
                    + "Soll sich jemand aus dem Team bei Ihnen melden?",
            "This appointment has already been moved {times}, I'm afraid it can't be moved again. "
                    + "Shall someone from the team call you back?"),
    RESCHEDULE_NOT_OFFERED(
            "Termine können wir telefonisch leider nicht verschieben. Soll sich jemand aus dem Team bei Ihnen melden?",
            "I'm afraid appointments can't be moved by phone. Shall someone from the team call you back?"),
    /** {time}: the new time the caller asked for. */
    RESCHEDULE_SLOT_TAKEN(
            "{time} ist leider nicht frei, Ihr Termin bleibt unverändert. Soll ich nach freien Zeiten schauen?",
            "{time} isn't available, I'm afraid, so your appointment stays as it is. Shall I look for free times?"),
    RESCHEDULE_NOT_BOOKABLE(
            "{time} kann ich leider nicht vergeben, das ist zu kurzfristig oder zu weit im Voraus. "
                    + "Ihr Termin bleibt unverändert. Soll ich nach einer anderen Zeit schauen?",
            "I can't offer {time}, it's either too soon or too far ahead. Your appointment stays as it is. "
                    + "Shall I look for another time?"),
    /** {time}: the appointment's current time, e.g. "am Dienstag um 10 Uhr". */
    SAME_TIME(
            "Ihr Termin ist bereits {time}. Möchten Sie eine andere Zeit?",
            "Your appointment is already {time}. Would you like a different time?"),
    MISSING_NEW_TIME(
            "Auf welchen Tag und welche Uhrzeit möchten Sie den Termin verschieben?",
            "Which day and time would you like to move the appointment to?"),
    CANCEL_REFUSED(
            "Der Kalender hat die Absage leider nicht angenommen. Soll sich jemand aus dem Team bei Ihnen melden?",
            "The calendar wouldn't accept the cancellation, I'm afraid. Shall someone from the team call you back?"),
    RESCHEDULE_REFUSED(
            "Der Kalender hat die Verschiebung leider nicht angenommen, Ihr Termin bleibt unverändert. "
                    + "Soll sich jemand aus dem Team bei Ihnen melden?",
            "The calendar wouldn't accept the change, I'm afraid, so your appointment stays as it is. "
                    + "Shall someone from the team call you back?"),
    /** {service}, {time}: an appointment found cancelled in Cal.com when the caller wanted to move it. */
    NO_LONGER_ACTIVE(
            "Ihr Termin für {service}, {time}, wurde bereits storniert und kann nicht mehr verschoben werden. "
                    + "Soll ich einen neuen Termin für Sie suchen?",
            "Your {service} appointment for {time} has already been cancelled and can't be moved. "
                    + "Shall I find you a new appointment?"),
    NO_UPCOMING_APPOINTMENTS(
            "Unter Ihrer Telefonnummer sehe ich keine anstehenden Termine. Möchten Sie einen Termin vereinbaren?",
            "I can't see any upcoming appointments under your phone number. Would you like to book one?"),
    /** {appointment}: e.g. "Herrenhaarschnitt am Dienstag um 10 Uhr bei Anna". */
    APPOINTMENTS_ONE(
            "Sie haben einen anstehenden Termin: {appointment}.", "You have one upcoming appointment: {appointment}."),
    /** {count}: how many; {appointments}: them as a list joined with "und"/"and". */
    APPOINTMENTS_MANY(
            "Sie haben {count} anstehende Termine: {appointments}.",
            "You have {count} upcoming appointments: {appointments}."),
    ANONYMOUS_NO_LOOKUP(
            "Ihre Rufnummer wird leider nicht übertragen, daher kann ich Ihre Termine nicht nachsehen. "
                    + "Gern vereinbare ich einen neuen Termin oder notiere einen Rückruf.",
            "Your number isn't shown, I'm afraid, so I can't look up your appointments. "
                    + "I'm happy to book a new appointment or note a callback request."),
    /** {service}: the service the caller books most. Follows the greeting. */
    USUAL_SERVICE("Möchten Sie wieder einen Termin für {service}?", "Would you like to book {service} again?"),
    /** {service}; {when}: e.g. "am Dienstag um 10 Uhr", "morgen um 9 Uhr". Follows the greeting. */
    NEXT_APPOINTMENT_NOTE("Sie haben {when} einen Termin für {service}.", "You have a {service} appointment {when}."),
    /** {services}: e.g. "Herrenhaarschnitt, 30 Minuten, 28 Euro; ...". */
    SERVICES_LIST("Wir bieten an: {services}. Was darf es für Sie sein?", "We offer {services}. What would you like?"),
    NO_SERVICES(
            "Telefonisch kann ich im Moment leider keine Leistungen buchen. Soll sich jemand aus dem Team bei Ihnen melden?",
            "I'm afraid I can't book any services by phone at the moment. Shall someone from the team call you back?"),
    CALLBACK_NEEDS_PHONE(
            "Unter welcher Telefonnummer können wir Sie zurückrufen?", "What phone number can we call you back on?"),
    CALLBACK_NEEDS_NAME(
            "Auf welchen Namen darf ich den Rückruf notieren?", "What name shall I put down for the callback?"),
    /** {appointments}: the caller's upcoming appointments, when the one they named is not among them. */
    WHICH_OF_THESE(
            "Ich sehe {appointments}. Welchen Termin meinen Sie?",
            "I can see {appointments}. Which appointment do you mean?"),
    ANONYMOUS_CALLER(
            "Ihre Rufnummer wird leider nicht übertragen, daher kann ich Sie nicht zuordnen. Darf ich Ihren Namen erfahren?",
            "Your number isn't shown, so I can't look you up, I'm afraid. May I have your name, please?"),
    /** {name}, {company}. Followed by what we know (next appointment, usual service) or {@link #HOW_CAN_I_HELP}. */
    WELCOME_BACK("Hallo {name}, willkommen zurück bei {company}!", "Hello {name}, welcome back to {company}!"),
    HOW_CAN_I_HELP("Wie kann ich Ihnen helfen?", "How can I help you?"),
    SYSTEM_UNAVAILABLE(
            "Das kann ich gerade leider nicht in unserem System festhalten. Bitte versuchen Sie es in ein paar "
                    + "Minuten noch einmal.",
            "I can't save that in our system right now, I'm sorry. Please try again in a few minutes."),
    REQUEST_IN_PROGRESS(
            "Einen Moment bitte, ich bin noch dabei, das für Sie zu erledigen.",
            "One moment please, I'm still taking care of that for you."),
    CALLBACK_RECORDED(
            "Alles klar, ich habe Ihren Rückrufwunsch notiert. Wir melden uns so bald wie möglich bei Ihnen.",
            "All right, I've noted that you'd like a call back. We'll get back to you as soon as possible."),
    /** {company}: the first words of a call from someone we don't know. */
    GREETING("{company}, guten Tag! Wie kann ich Ihnen helfen?", "{company}, hello! How can I help you?"),
    GREETING_KNOWN_CUSTOMER(
            "Hallo {name}, willkommen zurück bei {company}! Wie kann ich Ihnen helfen?",
            "Hello {name}, welcome back to {company}! How can I help you?"),
    /** A function call for a dialled number no company here answers: the agent is misconfigured. */
    UNKNOWN_DIALLED_NUMBER(
            "Diese Rufnummer ist bei uns keinem Betrieb zugeordnet, daher kann ich hier leider keine Termine "
                    + "bearbeiten. Bitte versuchen Sie es später noch einmal.",
            "This phone number isn't set up with us, so I can't handle appointments on this line, I'm afraid. "
                    + "Please try again later."),
    UNKNOWN_NUMBER(
            "Ihre Nummer habe ich noch nicht bei uns gespeichert. Darf ich Ihren Namen erfahren?",
            "I don't have your number on file yet. May I have your name, please?"),
    /** {time}: a slot; {staff}: the staff member's name. */
    SLOT_FREE_WITH_STAFF(
            "{time} ist bei {staff} frei. Soll ich den Termin für Sie buchen?",
            "{time} is available with {staff}. Shall I book it for you?"),
    /** A service in steps: {time} its start, {end} when the last step ends (a time of day). */
    SLOT_FREE_STEPS(
            "{time} ist frei, Sie wären etwa um {end} fertig. Soll ich den Termin für Sie buchen?",
            "{time} is available, you would be done at about {end}. Shall I book it for you?"),
    SLOT_FREE_STEPS_WITH_STAFF(
            "{time} ist bei {staff} frei, Sie wären etwa um {end} fertig. Soll ich den Termin für Sie buchen?",
            "{time} is available with {staff}, you would be done at about {end}. Shall I book it for you?"),
    /** A service in steps booked: {time} its start, {end} when the last step ends. */
    BOOKED_STEPS(
            "Vielen Dank, {name}. Ihr Termin für {service} ist gebucht: {time}, Sie sind etwa um {end} fertig. "
                    + "Wir freuen uns auf Sie!",
            "Thank you, {name}. Your {service} is booked for {time}, you will be done at about {end}. "
                    + "We look forward to seeing you!"),
    BOOKED_STEPS_WITH_STAFF(
            "Vielen Dank, {name}. Ihr Termin für {service} bei {staff} ist gebucht: {time}, Sie sind etwa um {end} "
                    + "fertig. Wir freuen uns auf Sie!",
            "Thank you, {name}. Your {service} with {staff} is booked for {time}, you will be done at about {end}. "
                    + "We look forward to seeing you!"),
    /** {alternatives}: free slots as a spoken list. */
    ALTERNATIVES_OFFER(
            "Ich hätte {alternatives} frei. Was passt Ihnen am besten?",
            "I could offer {alternatives}. Which would suit you best?"),
    /** {day}: the day asked for; {times}: some of its free times as a spoken list. */
    DAY_OPTIONS(
            "{day} hätte ich {times} frei. Welche Uhrzeit passt Ihnen?",
            "For {day} I could offer {times}. Which time suits you?"),
    /** {day}: the closed day; {alternatives}: free slots on other days. */
    CLOSED_DAY_WITH_ALTERNATIVES(
            "{day} haben wir leider geschlossen. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "I'm sorry, we're closed {day}. I could offer {alternatives}. Would one of those suit you?"),
    /** {day}: a day without free slots; {alternatives}: free slots on other days. */
    DAY_FULL_WITH_ALTERNATIVES(
            "{day} ist leider schon alles ausgebucht. Ich hätte {alternatives} frei. Passt Ihnen davon etwas?",
            "I'm sorry, {day} is fully booked. I could offer {alternatives}. Would one of those suit you?"),
    /** {day}: the last day looked at. */
    NOTHING_FREE_UNTIL(
            "Bis {day} ist leider alles ausgebucht. Soll ich später im Kalender schauen?",
            "I'm sorry, everything is booked up until {day}. Shall I look further ahead?"),
    /** {time}: the requested slot; {day}: the last day looked at. */
    SLOT_TAKEN_NOTHING_FREE(
            "{time} ist leider schon vergeben, und bis {day} ist auch sonst alles ausgebucht. "
                    + "Soll ich später im Kalender schauen?",
            "{time} is already taken, I'm afraid, and everything else is booked up until {day}. "
                    + "Shall I look further ahead?"),
    /** {time}: the earliest free slot; {more}: the next ones as a spoken list. */
    NEXT_AVAILABLE_WITH_MORE(
            "Der nächste freie Termin ist {time}. Danach hätte ich {more}. Passt Ihnen davon etwas?",
            "The next available appointment is {time}. After that I could offer {more}. Would one of those suit you?"),
    /** {time}: the slot that was just taken; {alternatives}: fresh free slots. */
    BOOKING_SLOT_GONE_WITH_ALTERNATIVES(
            "Das tut mir leid, {time} wurde gerade eben vergeben. Ich hätte {alternatives} frei. "
                    + "Passt Ihnen davon etwas?",
            "I'm sorry, {time} was just taken. I could offer {alternatives}. Would one of those suit you?"),
    /** A booking the business still has to confirm. */
    BOOKING_REQUESTED(
            "Vielen Dank, {name}. Ihre Anfrage für {service} ist eingegangen: {time}. Wir bestätigen Ihnen den "
                    + "Termin so bald wie möglich.",
            "Thank you, {name}. Your request for {service} has been received: {time}. We'll confirm the "
                    + "appointment as soon as possible."),
    /**
     * Cal.com has not confirmed the booking before the function's deadline; a callback request is recorded and the
     * outcome reconciled. {name}, {service}, {time} as in BOOKED.
     */
    BOOKING_TAKEN_DOWN(
            "Vielen Dank, {name}. Ich habe Ihren Wunsch für {service} aufgenommen: {time}. Der Kalender bestätigt "
                    + "gerade nicht sofort, deshalb bestätigen wir Ihnen den Termin so bald wie möglich.",
            "Thank you, {name}. I've taken down your request for {service}: {time}. The calendar isn't "
                    + "confirming right away, so we'll confirm the appointment to you as soon as possible."),
    /** A function ran into its deadline (a dependency hangs): nothing to say yet, but silence would be worse. */
    FUNCTION_TOO_SLOW(
            "Entschuldigung, das System antwortet gerade sehr langsam. Darf ich es gleich noch einmal versuchen?",
            "Sorry, the system is responding very slowly right now. May I try that again in a moment?"),
    /** {staff}: the name asked for; {service}: the service; {options}: who does it, as a spoken list. */
    UNKNOWN_STAFF(
            "Bei {staff} kann ich {service} leider nicht buchen. Möglich ist es bei {options}. "
                    + "Bei wem hätten Sie den Termin gern?",
            "I'm afraid I can't book {service} with {staff}. You could see {options}. Who would you prefer?"),
    ASK_NAME("Auf welchen Namen darf ich den Termin buchen?", "What name shall I put the appointment under?"),
    ASK_SERVICE("Welche Leistung möchten Sie buchen?", "Which service would you like to book?"),
    /** {field}: the argument; {expected}: e.g. "eine Zahl" / "a number". For the agent, not the caller. */
    ARGUMENT_FORMAT(
            "Die Angabe {field} muss {expected} sein. Bitte die Funktion mit korrigierter Angabe noch einmal aufrufen.",
            "{field} must be {expected}. Please call the function again with that corrected."),
    /** The tool's URL names another function than the call: a setup problem only the operator can fix. */
    TOOL_MISCONFIGURED(
            "Das kann ich gerade leider nicht erledigen. Soll sich jemand aus dem Team bei Ihnen melden?",
            "I'm afraid I can't do that right now. Shall someone from the team call you back?"),
    ASK_PHONE("Unter welcher Telefonnummer können wir Sie erreichen?", "What phone number can we reach you on?"),
    INVALID_PHONE(
            "Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal langsam sagen?",
            "Sorry, I didn't quite get the phone number. Could you say it again slowly?"),
    INVALID_EMAIL(
            "Die E-Mail-Adresse habe ich leider nicht richtig verstanden. Könnten Sie sie bitte buchstabieren?",
            "Sorry, I didn't quite get the email address. Could you spell it for me?"),
    BOOKING_FAILED(
            "Den Termin konnte ich leider nicht im Kalender eintragen. Soll sich jemand aus dem Team bei Ihnen melden?",
            "I'm sorry, I couldn't put the appointment into the calendar. Shall someone from the team call you back?"),
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

        private Placeholder() {}
    }
}
