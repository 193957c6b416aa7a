package io.slotline.speech;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the service a caller means among a branch's services (name plus synonyms each).
 *
 * <p>Names are compared after folding: case, umlaut spelling and diacritics, punctuation and spaces do not matter
 * ("Faerben" = "Färben", "herren haarschnitt" = "Herrenhaarschnitt", "mens haircut" = "men's haircut"); filler
 * words ("einen", "Termin", "für", "please", "a") are dropped; a small salon vocabulary maps gender and English
 * words onto one spelling (Männer/men/gents → Herren, Frauen/women/ladies → Damen, haircut → Haarschnitt,
 * hair → Haar, cut → Schnitt, colour/color/dye → Färben), so "Haarschnitt für Männer" meets "Herrenhaarschnitt".
 *
 * <p>Stages, the first that finds anything decides:
 * <ol>
 *   <li>{@code NAME}: equal to a service name;</li>
 *   <li>{@code SYNONYM}: equal to a synonym;</li>
 *   <li>{@code CONTAINS}: every word said (of 3+ letters) occurs in a name or synonym, or every word of a name or
 *       synonym occurs in what was said ("Haare färben lassen");</li>
 *   <li>{@code FUZZY}: Jaro-Winkler similarity of at least {@value #FUZZY_THRESHOLD} to a name or synonym
 *       (typos such as "Herrenschnit").</li>
 * </ol>
 * More than one service in stages 1-3 is {@link ServiceMatch.Ambiguous} ("Haarschnitt" with both Herren- and
 * Damenhaarschnitt); in stage 4 so is a runner-up within {@value #AMBIGUITY_MARGIN} of the best. Otherwise
 * {@link ServiceMatch.NoMatch} with the three most similar names.
 */
public final class ServiceMatcher {

    /** Below this Jaro-Winkler similarity a name is not a typo of another (Herrenschnitt/Damenschnitt is 0.81). */
    public static final double FUZZY_THRESHOLD = 0.86;
    /** Fuzzy candidates closer than this to the best are too close to choose between. */
    public static final double AMBIGUITY_MARGIN = 0.05;

    private static final int MIN_CONTAINED_WORD = 3;
    private static final int CLOSEST_NAMES = 3;

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> FILLER_WORDS = Set.of(
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "fuer",
            "mit",
            "und",
            "bitte",
            "termin",
            "einmal",
            "mal",
            "nur",
            "gerne",
            "gern",
            "ich",
            "moechte",
            "moechten",
            "will",
            "wuerde",
            "brauche",
            "haette",
            "zum",
            "zur",
            "beim",
            "bei",
            "mich",
            "mir",
            "mein",
            "meine",
            "meinen",
            "ja",
            "neuen",
            "a",
            "an",
            "the",
            "for",
            "please",
            "appointment",
            "just",
            "i",
            "want",
            "would",
            "like",
            "need",
            "to",
            "get",
            "my",
            "with",
            "and",
            "some",
            "me",
            "book",
            "have");
    private static final Map<String, String> VOCABULARY = vocabulary();

    private ServiceMatcher() {}

    public static <T> ServiceMatch<T> match(
            String spoken, List<T> candidates, Function<T, String> name, Function<T, List<String>> synonyms) {
        List<Labelled<T>> labelled = candidates.stream()
                .map(candidate -> new Labelled<>(
                        candidate,
                        name.apply(candidate),
                        Key.of(name.apply(candidate)),
                        synonyms.apply(candidate).stream().map(Key::of).toList()))
                .toList();
        Key said = Key.of(spoken);
        if (said.compact().isEmpty()) {
            return new ServiceMatch.NoMatch<>(
                    labelled.stream().limit(CLOSEST_NAMES).map(Labelled::name).toList());
        }
        List<Labelled<T>> byName = filter(labelled, l -> l.nameKey().compact().equals(said.compact()));
        if (!byName.isEmpty()) {
            return decide(byName, ServiceMatch.How.NAME, said);
        }
        List<Labelled<T>> bySynonym = filter(
                labelled,
                l -> l.synonymKeys().stream().anyMatch(key -> key.compact().equals(said.compact())));
        if (!bySynonym.isEmpty()) {
            return decide(bySynonym, ServiceMatch.How.SYNONYM, said);
        }
        List<Labelled<T>> containing = filter(labelled, l -> l.keys().anyMatch(key -> contains(said, key)));
        if (!containing.isEmpty()) {
            return decide(containing, ServiceMatch.How.CONTAINS, said);
        }
        List<Labelled<T>> ranked = labelled.stream()
                .sorted(Comparator.comparingDouble((Labelled<T> l) -> l.similarity(said))
                        .reversed())
                .toList();
        if (!ranked.isEmpty() && ranked.get(0).similarity(said) >= FUZZY_THRESHOLD) {
            double best = ranked.get(0).similarity(said);
            List<Labelled<T>> close = filter(ranked, l -> best - l.similarity(said) < AMBIGUITY_MARGIN);
            return decide(close, ServiceMatch.How.FUZZY, said);
        }
        return new ServiceMatch.NoMatch<>(
                ranked.stream().limit(CLOSEST_NAMES).map(Labelled::name).toList());
    }

    private static <T> ServiceMatch<T> decide(List<Labelled<T>> found, ServiceMatch.How how, Key said) {
        if (found.size() == 1) {
            return new ServiceMatch.Match<>(found.get(0).candidate(), how);
        }
        return new ServiceMatch.Ambiguous<>(found.stream()
                .sorted(Comparator.comparingDouble((Labelled<T> l) -> l.similarity(said))
                        .reversed())
                .map(Labelled::candidate)
                .toList());
    }

    private static boolean contains(Key said, Key label) {
        List<String> saidWords = said.words().stream()
                .filter(w -> w.length() >= MIN_CONTAINED_WORD)
                .toList();
        List<String> labelWords = label.words().stream()
                .filter(w -> w.length() >= MIN_CONTAINED_WORD)
                .toList();
        return (!saidWords.isEmpty() && saidWords.stream().allMatch(label.compact()::contains))
                || (!labelWords.isEmpty() && labelWords.stream().allMatch(said.compact()::contains));
    }

    private static <T> List<Labelled<T>> filter(List<Labelled<T>> labelled, Predicate<Labelled<T>> predicate) {
        return labelled.stream().filter(predicate).toList();
    }

    private record Labelled<T>(T candidate, String name, Key nameKey, List<Key> synonymKeys) {

        Stream<Key> keys() {
            return Stream.concat(Stream.of(nameKey), synonymKeys.stream());
        }

        double similarity(Key said) {
            return keys().mapToDouble(key -> StringSimilarity.jaroWinkler(said.compact(), key.compact()))
                    .max()
                    .orElse(0);
        }
    }

    /** A name folded into comparable words and their concatenation. */
    private record Key(List<String> words, String compact) {

        static Key of(String text) {
            List<String> all = Arrays.stream(NON_ALPHANUMERIC
                            .matcher(APOSTROPHES.matcher(SpeechText.fold(text)).replaceAll(""))
                            .replaceAll(" ")
                            .trim()
                            .split(" "))
                    .filter(word -> !word.isEmpty())
                    .map(ServiceMatcher::canonical)
                    .toList();
            List<String> meaningful =
                    all.stream().filter(word -> !FILLER_WORDS.contains(word)).toList();
            List<String> words = meaningful.isEmpty() ? all : meaningful;
            return new Key(words, String.join("", words));
        }
    }

    private static String canonical(String word) {
        String mapped = VOCABULARY.get(word);
        if (mapped != null) {
            return mapped;
        }
        return word.replace("maenner", "herren").replace("frauen", "damen");
    }

    private static Map<String, String> vocabulary() {
        List<String> men = List.of(
                "maenner", "mann", "herr", "herren", "men", "mens", "man", "male", "gentlemen", "gentleman", "gents");
        List<String> women =
                List.of("frauen", "frau", "dame", "damen", "women", "womens", "woman", "ladies", "lady", "female");
        List<String> colour = List.of("colour", "color", "colouring", "coloring", "dye", "tint");
        Map<String, String> vocabulary = new HashMap<>();
        men.forEach(word -> vocabulary.put(word, "herren"));
        women.forEach(word -> vocabulary.put(word, "damen"));
        colour.forEach(word -> vocabulary.put(word, "faerben"));
        vocabulary.put("haircut", "haarschnitt");
        vocabulary.put("haircuts", "haarschnitt");
        vocabulary.put("hair", "haar");
        vocabulary.put("cut", "schnitt");
        return Map.copyOf(vocabulary);
    }
}
