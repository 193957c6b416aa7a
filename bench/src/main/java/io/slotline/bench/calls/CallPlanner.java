package io.slotline.bench.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws {@link CallPlan}s from a seed: same seed, same calls. */
public final class CallPlanner {

    static final int MAX_TURNS = 6;
    private static final List<String> NAMES = List.of(
            "Lena Schmidt",
            "Jonas Müller",
            "Mia Weber",
            "Paul Fischer",
            "Emma Wagner",
            "Felix Becker",
            "Hannah Hoffmann",
            "Lukas Schäfer",
            "Sophie Koch",
            "Leon Richter",
            "Olivia Brown",
            "Jack Taylor",
            "Amelia Wilson",
            "Harry Evans",
            "Zoë Öztürk",
            "Noah Klein");

    private final CallMix mix;
    private final SplittableRandom random;
    private final List<Tenant> tenants;
    private final double[] cumulative;

    public CallPlanner(CallMix mix, long seed) {
        this(mix, seed, List.of(), 1.0);
    }

    /**
     * With {@code tenants} given, each call dials one of them, spread Zipf-like by their position: the k-th gets
     * a share proportional to 1/k^{@code zipfExponent} (some businesses busy, most quiet); otherwise the two demo
     * tenants by {@link CallMix#otherTenant()}.
     */
    public CallPlanner(CallMix mix, long seed, List<Tenant> tenants, double zipfExponent) {
        this.mix = mix;
        // a different stream from the arrival schedule's, so changing the rate does not change who calls
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.tenants = List.copyOf(tenants);
        this.cumulative = zipf(this.tenants.size(), zipfExponent);
    }

    static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, exponent);
            cumulative[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private Tenant pickTenant(SplittableRandom r) {
        if (tenants.isEmpty()) {
            return r.nextDouble() < mix.otherTenant() ? Tenant.OTHER_CUTS : Tenant.DEMO_SALON;
        }
        int at = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
        int index = at >= 0 ? at : -at - 1;
        return tenants.get(Math.min(index, tenants.size() - 1));
    }

    public List<CallPlan> plan(int calls) {
        List<CallPlan> plans = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            plans.add(next(i));
        }
        return plans;
    }

    CallPlan next(int index) {
        SplittableRandom r = random.split();
        Tenant tenant = pickTenant(r);
        Tenant.Service service = pickService(tenant, r.nextDouble());
        String spoken = !service.spokenAs().isEmpty() && r.nextDouble() < mix.spokenSynonym()
                ? service.spokenAs().get(r.nextInt(service.spokenAs().size()))
                : service.name();
        String staff = r.nextDouble() < mix.staffPreference()
                ? tenant.staff().get(r.nextInt(tenant.staff().size()))
                : null;
        List<Double> think = new ArrayList<>();
        // the first gap holds greeting and the caller's request, later ones a sentence or two each
        think.add(clamp(logNormal(r, 9.0, 0.45), 4, 20));
        for (int t = 1; t < MAX_TURNS; t++) {
            think.add(clamp(logNormal(r, 6.0, 0.55), 2, 20));
        }
        return new CallPlan(
                index,
                pickIntent(r.nextDouble()),
                tenant,
                tenant.callerPrefix() + String.format("%07d", r.nextInt(10_000_000)),
                NAMES.get(r.nextInt(NAMES.size())),
                service,
                spoken,
                staff,
                pickDaysAhead(r.nextDouble()),
                r.nextDouble() < mix.closedDay(),
                r.nextDouble(),
                pickDaysAhead(r.nextDouble()),
                r.nextDouble(),
                r.nextDouble() < mix.findNextFirst(),
                r.nextDouble() < mix.findNextAfterAlternatives(),
                r.nextDouble() < mix.customerPhone(),
                2 + r.nextInt(3),
                think,
                3 + r.nextDouble() * 7,
                60 + r.nextDouble() * 120,
                5 + r.nextDouble() * 10);
    }

    private Intent pickIntent(double u) {
        double total = mix.book() + mix.inquire() + mix.cancel() + mix.reschedule();
        double x = u * total;
        if ((x -= mix.book()) < 0) {
            return Intent.BOOK;
        }
        if ((x -= mix.inquire()) < 0) {
            return Intent.INQUIRE;
        }
        if ((x -= mix.cancel()) < 0) {
            return Intent.CANCEL;
        }
        return mix.reschedule() > 0 ? Intent.RESCHEDULE : Intent.CANCEL;
    }

    private static Tenant.Service pickService(Tenant tenant, double u) {
        double total =
                tenant.services().stream().mapToDouble(Tenant.Service::weight).sum();
        double x = u * total;
        for (Tenant.Service s : tenant.services()) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return tenant.services().get(tenant.services().size() - 1);
    }

    /** 1..7 days ahead, sooner more likely: people call about this week. */
    static int pickDaysAhead(double u) {
        double[] weights = {1.5, 1.3, 1.2, 1.0, 1.0, 0.9, 0.8};
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = u * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i + 1;
            }
        }
        return weights.length;
    }

    private static double logNormal(SplittableRandom r, double median, double sigma) {
        // Box-Muller; 1 - u keeps the logarithm finite
        double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return median * Math.exp(sigma * z);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
