package io.slotline.bench.tenants;

import io.slotline.bench.calls.Tenant;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates {@code n} businesses from a seed: same seed and n, same businesses (business k is the same whatever n,
 * so points of a sweep share their busiest tenants). Each has its own Cal.com key, a team of 3-5 stylists, 3-6
 * services, opening hours in one of a few time zones (German salons in Berlin and Vienna, English-speaking ones in
 * London, New York and Sydney).
 */
public final class Businesses {

    /** Ids and numbers are derived from the index: this many businesses fit. */
    public static final int MAX = 9_999;

    private record Region(String zone, String language, String numberPrefix, String callerPrefix) {}

    private static final List<Region> REGIONS = List.of(
            new Region("Europe/Berlin", "de", "+49305", "+49151"),
            new Region("Europe/Vienna", "de", "+43150", "+43664"),
            new Region("Europe/London", "en", "+44207", "+447700"),
            new Region("America/New_York", "en", "+1212555", "+1917"),
            new Region("Australia/Sydney", "en", "+61290", "+61412"));
    private static final double[] REGION_WEIGHTS = {0.4, 0.15, 0.2, 0.15, 0.1};

    private record ServiceKind(String name, String slug, int minutes, int priceCents, double weight) {}

    private static final List<ServiceKind> GERMAN = List.of(
            new ServiceKind("Herrenhaarschnitt", "herrenhaarschnitt", 30, 2800, 0.40),
            new ServiceKind("Damenhaarschnitt", "damenhaarschnitt", 60, 4500, 0.30),
            new ServiceKind("Färben", "faerben", 90, 6500, 0.15),
            new ServiceKind("Strähnchen", "straehnchen", 120, 8500, 0.05),
            new ServiceKind("Bartpflege", "bartpflege", 30, 1800, 0.10),
            new ServiceKind("Kinderhaarschnitt", "kinderhaarschnitt", 30, 1600, 0.10),
            new ServiceKind("Dauerwelle", "dauerwelle", 120, 7900, 0.03));
    private static final List<ServiceKind> ENGLISH = List.of(
            new ServiceKind("Haircut", "haircut", 30, 2800, 0.40),
            new ServiceKind("Colouring", "colouring", 90, 6500, 0.15),
            new ServiceKind("Beard trim", "beard-trim", 30, 1800, 0.10),
            new ServiceKind("Blow dry", "blow-dry", 30, 2500, 0.10),
            new ServiceKind("Highlights", "highlights", 120, 8500, 0.05),
            new ServiceKind("Kids cut", "kids-cut", 30, 1600, 0.10),
            new ServiceKind("Perm", "perm", 120, 7900, 0.03));
    private static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jan", "Klara", "Lars", "Mona",
            "Nils", "Olga", "Paul", "Rosa", "Tom", "Ute", "Vera");
    private static final List<String> WORDS =
            List.of("Schnitt", "Cuts", "Salon", "Studio", "Hair", "Style", "Locke", "Kamm", "Schere", "Barber");

    private Businesses() {}

    public static List<Business> generate(int n, long seed) {
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("--tenants must be 1.." + MAX + ", was " + n);
        }
        List<Business> all = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            all.add(business(i, new SplittableRandom(seed * 1_000_003L + i)));
        }
        return all;
    }

    static Business business(int i, SplittableRandom r) {
        Region region = REGIONS.get(pick(REGION_WEIGHTS, r.nextDouble()));
        boolean german = region.language().equals("de");
        String tag = String.format(Locale.ROOT, "t%04d", i);
        String word = WORDS.get(r.nextInt(WORDS.size()));
        String name = (german ? "Salon " : "Studio ") + word + " " + i;
        long ownerUserId = 3_000_000L + i;
        long teamId = 4_000_000L + i;

        List<String> firstNames = new ArrayList<>(FIRST_NAMES);
        Collections.shuffle(firstNames, new java.util.Random(r.nextLong()));
        int stylistCount = 3 + r.nextInt(3);
        List<Business.Stylist> stylists = new ArrayList<>();
        for (int s = 0; s < stylistCount; s++) {
            String first = firstNames.get(s);
            stylists.add(
                    new Business.Stylist(first, tag + "-" + first.toLowerCase(Locale.ROOT), 5_000_000L + i * 10L + s));
        }
        List<ServiceKind> kinds = new ArrayList<>(german ? GERMAN : ENGLISH);
        // the first (the everyday cut) always; the rest drawn
        List<ServiceKind> rest = new ArrayList<>(kinds.subList(1, kinds.size()));
        Collections.shuffle(rest, new java.util.Random(r.nextLong()));
        int serviceCount = 3 + r.nextInt(4);
        List<ServiceKind> chosen = new ArrayList<>();
        chosen.add(kinds.get(0));
        chosen.addAll(rest.subList(0, serviceCount - 1));
        List<Integer> everyone = new ArrayList<>();
        for (int s = 0; s < stylistCount; s++) {
            everyone.add(s);
        }
        List<Business.Offer> services = new ArrayList<>();
        long base = 60_000_000L + i * 100L;
        for (int k = 0; k < chosen.size(); k++) {
            ServiceKind kind = chosen.get(k);
            List<Long> children = new ArrayList<>();
            for (int s = 0; s < stylistCount; s++) {
                children.add(base + 40 + k * 5L + s);
            }
            services.add(new Business.Offer(
                    kind.name(),
                    kind.slug(),
                    kind.minutes(),
                    kind.priceCents(),
                    kind.weight(),
                    base + 1 + k,
                    base + 20 + k,
                    everyone,
                    children));
        }
        return new Business(
                i,
                tag + "-" + word.toLowerCase(Locale.ROOT),
                name,
                region.language(),
                ZoneId.of(region.zone()),
                "cal_" + tag,
                "whsec_" + tag,
                "key_" + tag,
                region.numberPrefix() + String.format(Locale.ROOT, "%04d", i),
                "agent_" + tag,
                region.callerPrefix(),
                ownerUserId,
                teamId,
                stylists,
                services,
                hours(r.nextInt(3)));
    }

    private static Map<DayOfWeek, Tenant.Hours> hours(int pattern) {
        Map<DayOfWeek, Tenant.Hours> hours = new EnumMap<>(DayOfWeek.class);
        List<DayOfWeek> days = pattern == 1
                ? List.of(
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY,
                        DayOfWeek.SATURDAY)
                : List.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        Tenant.Hours day = switch (pattern) {
            case 0 -> new Tenant.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0));
            case 1 -> new Tenant.Hours(LocalTime.of(10, 0), LocalTime.of(19, 0));
            default -> new Tenant.Hours(LocalTime.of(8, 0), LocalTime.of(17, 0));
        };
        days.forEach(d -> hours.put(d, day));
        if (pattern == 0) {
            hours.put(DayOfWeek.SATURDAY, new Tenant.Hours(LocalTime.of(9, 0), LocalTime.of(14, 0)));
        }
        return hours;
    }

    private static int pick(double[] weights, double u) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = u * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
