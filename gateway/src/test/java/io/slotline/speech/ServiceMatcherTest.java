package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceMatcherTest {

    record Service(String name, List<String> synonyms) {}

    private static final Service HERREN =
            new Service("Herrenhaarschnitt", List.of("Herrenschnitt", "Männerhaarschnitt", "men's haircut"));
    private static final Service DAMEN = new Service("Damenhaarschnitt", List.of());
    private static final Service FAERBEN = new Service("Färben", List.of());
    private static final List<Service> DEMO_SALON = List.of(HERREN, DAMEN, FAERBEN);

    private static ServiceMatch<Service> match(String spoken, List<Service> services) {
        return ServiceMatcher.match(spoken, services, Service::name, Service::synonyms);
    }

    private static Service byName(String name) {
        return DEMO_SALON.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Herrenhaarschnitt                | Herrenhaarschnitt | NAME
            herrenhaarschnitt                | Herrenhaarschnitt | NAME
            Herren Haarschnitt               | Herrenhaarschnitt | NAME
            Herren-Haarschnitt               | Herrenhaarschnitt | NAME
            einen Herrenhaarschnitt, bitte   | Herrenhaarschnitt | NAME
            Färben                           | Färben            | NAME
            Faerben                          | Färben            | NAME
            farben                           | Färben            | FUZZY
            FÄRBEN                           | Färben            | NAME
            Damenhaarschnitt                 | Damenhaarschnitt  | NAME
            Herrenschnitt                    | Herrenhaarschnitt | SYNONYM
            Männerhaarschnitt                | Herrenhaarschnitt | NAME
            Maennerhaarschnitt               | Herrenhaarschnitt | NAME
            men's haircut                    | Herrenhaarschnitt | NAME
            mens haircut                     | Herrenhaarschnitt | NAME
            Men’s Haircut                    | Herrenhaarschnitt | NAME
            men's cut                        | Herrenhaarschnitt | SYNONYM
            Haarschnitt für Männer           | Herrenhaarschnitt | CONTAINS
            Haarschnitt für Damen            | Damenhaarschnitt  | CONTAINS
            Haarschnitt für Frauen           | Damenhaarschnitt  | CONTAINS
            women's haircut                  | Damenhaarschnitt  | NAME
            ladies haircut                   | Damenhaarschnitt  | NAME
            Haare färben lassen              | Färben            | CONTAINS
            hair colour                      | Färben            | CONTAINS
            Damen                            | Damenhaarschnitt  | CONTAINS
            Herrenschnit                     | Herrenhaarschnitt | CONTAINS
            Hernhaarschnitt                  | Herrenhaarschnitt | FUZZY
            Damenharschnitt                  | Damenhaarschnitt  | FUZZY
            Färbung                          | Färben            | FUZZY
            """)
    void findsTheServiceMeant(String spoken, String expectedName, ServiceMatch.How how) {
        assertThat(match(spoken, DEMO_SALON)).isEqualTo(new ServiceMatch.Match<>(byName(expectedName), how));
    }

    @Test
    void haarschnittFitsBothHaircutsAndIsAmbiguous() {
        ServiceMatch<Service> result = match("Haarschnitt", DEMO_SALON);

        assertThat(result).isInstanceOf(ServiceMatch.Ambiguous.class);
        assertThat(((ServiceMatch.Ambiguous<Service>) result).candidates()).containsExactlyInAnyOrder(HERREN, DAMEN);
    }

    @Test
    void haircutInEnglishIsAmbiguousToo() {
        assertThat(match("a haircut please", DEMO_SALON))
                .isEqualTo(new ServiceMatch.Ambiguous<>(
                        ((ServiceMatch.Ambiguous<Service>) match("Haarschnitt", DEMO_SALON)).candidates()));
    }

    @Test
    void twoServicesInOneBreathAreAmbiguous() {
        ServiceMatch<Service> result = match("Herrenhaarschnitt und Färben", DEMO_SALON);

        assertThat(result).isInstanceOf(ServiceMatch.Ambiguous.class);
        assertThat(((ServiceMatch.Ambiguous<Service>) result).candidates()).containsExactlyInAnyOrder(HERREN, FAERBEN);
    }

    @Test
    void twoServicesWithTheSameNameAreAmbiguous() {
        Service other = new Service("Färben", List.of("Coloration"));

        assertThat(match("Färben", List.of(FAERBEN, other)))
                .isEqualTo(new ServiceMatch.Ambiguous<>(List.of(FAERBEN, other)));
    }

    @Test
    void unknownServiceOffersTheClosestNames() {
        ServiceMatch<Service> result = match("Dauerwelle", DEMO_SALON);

        assertThat(result).isInstanceOf(ServiceMatch.NoMatch.class);
        assertThat(((ServiceMatch.NoMatch<Service>) result).closestNames())
                .containsExactlyInAnyOrder("Herrenhaarschnitt", "Damenhaarschnitt", "Färben");
    }

    @Test
    void closestNamesComeMostSimilarFirst() {
        List<Service> services = List.of(
                FAERBEN,
                new Service("Bartpflege", List.of()),
                new Service("Kinderhaarschnitt", List.of()),
                new Service("Nagelpflege", List.of()));

        ServiceMatch<Service> result = match("Kinderfrisur", services);

        assertThat(result).isInstanceOf(ServiceMatch.NoMatch.class);
        assertThat(((ServiceMatch.NoMatch<Service>) result).closestNames())
                .hasSize(3)
                .first()
                .isEqualTo("Kinderhaarschnitt");
    }

    @Test
    void unknownServiceOffersAtMostThreeNames() {
        List<Service> many = List.of(
                HERREN,
                DAMEN,
                FAERBEN,
                new Service("Bartpflege", List.of()),
                new Service("Kinderhaarschnitt", List.of()));

        ServiceMatch<Service> result = match("Maniküre", many);

        assertThat(result).isInstanceOf(ServiceMatch.NoMatch.class);
        assertThat(((ServiceMatch.NoMatch<Service>) result).closestNames()).hasSize(3);
    }

    @Test
    void similarButDifferentServiceIsNotATypo() {
        List<Service> services = List.of(new Service("Damenschnitt", List.of()), FAERBEN);

        assertThat(match("Herrenschnitt", services)).isInstanceOf(ServiceMatch.NoMatch.class);
    }

    @Test
    void nothingSaidIsNoMatch() {
        assertThat(match("  ", DEMO_SALON))
                .isEqualTo(
                        new ServiceMatch.NoMatch<Service>(List.of("Herrenhaarschnitt", "Damenhaarschnitt", "Färben")));
        assertThat(match("Herrenhaarschnitt", List.of())).isEqualTo(new ServiceMatch.NoMatch<Service>(List.of()));
    }

    @Test
    void englishTenantHaircutMatchesGermanAndEnglishWords() {
        Service haircut = new Service("Haircut", List.of());

        assertThat(match("haircut", List.of(haircut)))
                .isEqualTo(new ServiceMatch.Match<>(haircut, ServiceMatch.How.NAME));
        assertThat(match("Haarschnitt", List.of(haircut)))
                .isEqualTo(new ServiceMatch.Match<>(haircut, ServiceMatch.How.NAME));
        assertThat(match("a men's haircut", List.of(haircut)))
                .isEqualTo(new ServiceMatch.Match<>(haircut, ServiceMatch.How.CONTAINS));
    }

    @Test
    void fillerWordsAloneDoNotMatchEverything() {
        assertThat(match("einen Termin bitte", DEMO_SALON)).isInstanceOf(ServiceMatch.NoMatch.class);
    }
}
