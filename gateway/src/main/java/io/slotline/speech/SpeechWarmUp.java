package io.slotline.speech;

import io.slotline.tenancy.Language;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Parses a few phrases once at startup. The first parse compiles the expression patterns and takes a few hundred
 * milliseconds; that should not be the first caller's silence.
 */
@Component
class SpeechWarmUp {

    private static final List<String> PHRASES = List.of(
            "Dienstag nächste Woche um halb drei",
            "morgen nachmittag ab 15 Uhr",
            "next Monday at 2:30pm",
            "am 19. November zwischen 10 und 12",
            "2026-11-19T14:00",
            "Anfang nächster Woche gegen halb drei",
            "am zwanzigsten kurz nach zehn",
            "later this week around 4ish");

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        ZonedDateTime anyMoment = Instant.EPOCH.atZone(ZoneOffset.UTC);
        for (Language language : Language.values()) {
            for (String phrase : PHRASES) {
                DateTimeExpressions.parse(phrase, anyMoment, language);
                TimeExpressions.parse(phrase, language);
            }
        }
    }
}
