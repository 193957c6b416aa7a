package io.slotline.speech;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of spoken or LLM-written text into one canonical, ASCII, lower-case spelling. */
public final class SpeechText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern MERIDIEM_DOTS = Pattern.compile("(?<![a-z])([ap])\\.\\s?m\\.?(?![a-z])");
    private static final Pattern OCLOCK = Pattern.compile("(?<![a-z])o\\s*'?\\s*clock(?![a-z])");
    private static final Pattern SEPARATORS = Pattern.compile("[,;!?()\\[\\]{}\"'`«»„“”‘’‚]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern GLUED_UHR = Pattern.compile("(\\d)(uhr)(?![a-z])");
    private static final Pattern GLUED_DAY_PART = Pattern.compile(
            "(?<![a-z])(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|heute|morgen|uebermorgen)"
                    + "(frueh|morgen|vormittag|mittag|nachmittag|abend)(s?)(?![a-z])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpeechText() {}

    /**
     * Lower case, umlauts transliterated (ä → ae, ß → ss) so that "März" and "Maerz" meet, other diacritics
     * dropped. Keeps every character that is not a letter with a diacritic.
     */
    public static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        return COMBINING_MARKS
                .matcher(Normalizer.normalize(lower, Normalizer.Form.NFD))
                .replaceAll("");
    }

    /**
     * Prepares an argument for the expression scanner: folded, punctuation that never carries meaning in a date or
     * time replaced by spaces (dots, colons, slashes and hyphens stay), "p.m." → "pm", "o'clock" → "oclock",
     * glued German day parts split ("Dienstagnachmittag" → "dienstag nachmittag"), whitespace collapsed.
     */
    static String normalise(String text) {
        String folded = fold(text);
        folded = DASHES.matcher(folded).replaceAll("-");
        folded = MERIDIEM_DOTS.matcher(folded).replaceAll("$1m");
        folded = OCLOCK.matcher(folded).replaceAll("oclock");
        folded = SEPARATORS.matcher(folded).replaceAll(" ");
        folded = GLUED_UHR.matcher(folded).replaceAll("$1 $2");
        folded = GLUED_DAY_PART.matcher(folded).replaceAll("$1 $2$3");
        return SPACES.matcher(folded).replaceAll(" ").trim();
    }
}
