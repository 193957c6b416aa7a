package io.slotline.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The chaos run's report: answers per phase, then bookings per phase, in Markdown. */
final class ChaosReport {

    private static final List<String> P95_FUNCTIONS =
            List.of("check_availability", "get_alternatives", "find_next_available", "book_appointment");

    private ChaosReport() {}

    static String render(
            ChaosOptions options,
            List<Phase> phases,
            List<Recorder.Request> requests,
            List<long[]> faultWindows,
            Map<Integer, Double> recovery,
            Map<Integer, String> notes,
            Audit audit,
            Map<String, Duration> deadlines) {
        StringBuilder md = new StringBuilder();
        md.append("# Chaos run\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%s, `java -jar bench/target/slotline-bench-exec.jar --scenario chaos "
                        + "--duration %ds --calls-per-second %s --seed %d`: two gateways (postgres profile on the run's "
                        + "own PostgreSQL cluster, Redis store and shared budget on the run's own Redis), the simulator "
                        + "(slots 300 ms median / 1.2 s p99, bookings 600 ms / 2 s), phone calls at real think times "
                        + "through a round-robin balancer that retries refused connections on the other instance. "
                        + "Deadlines: 5 s (reads), 8 s (book, cancel, reschedule), measured by the caller.\n\n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                options.duration().toSeconds(),
                options.callsPerSecond(),
                options.seed()));
        md.append("| phase | fault | function calls | within deadline | in the fault window | HTTP 5xx | no answer |"
                + " P95 check_availability | P95 get_alternatives | P95 find_next_available | P95 book_appointment |"
                + " time to recover |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i <= phases.size(); i++) {
            int index = i;
            String name = i < phases.size() ? phases.get(i).name() : "after (calls finishing)";
            String fault = i < phases.size() ? phases.get(i).fault() : "none";
            List<Recorder.Request> inPhase =
                    requests.stream().filter(r -> r.phase() == index).toList();
            List<Recorder.Request> functions =
                    inPhase.stream().filter(Recorder.Request::isFunction).toList();
            List<Recorder.Request> inWindow =
                    functions.stream().filter(Recorder.Request::inFault).toList();
            long http5xx = inPhase.stream().filter(r -> r.status() >= 500).count();
            long noAnswer = inPhase.stream().filter(r -> r.status() == 0).count();
            md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(fault)
                    .append(" | ")
                    .append(functions.size())
                    .append(" | ")
                    .append(percent(functions, deadlines))
                    .append(" | ")
                    .append(inWindow.isEmpty() ? "-" : percent(inWindow, deadlines))
                    .append(" | ")
                    .append(http5xx)
                    .append(" | ")
                    .append(noAnswer);
            for (String function : P95_FUNCTIONS) {
                md.append(" | ").append(p95(functions, function));
            }
            Double recover = recovery.get(i);
            md.append(" | ")
                    .append(
                            recover == null
                                    ? "-"
                                    : recover.isNaN()
                                            ? "not within the run"
                                            : String.format(Locale.ROOT, "%.1f s", recover));
            md.append(" |\n");
        }
        md.append("\nThe warm-up row is the gateways' first minute (cold JIT and caches), not a fault phase. "
                + "\"within deadline\": HTTP 200 by the function's deadline and not the \"too slow\" answer; "
                + "\"no answer\": connection refused by both instances, cut off by the kill, or no reply in 30 s; "
                + "\"time to recover\": from the end of the fault until the first of ten function calls in a row "
                + "answered in time without calcom_unavailable, deadline or internal_error. P95 in ms.\n\n");

        md.append(
                "| phase | bookings in Cal.com | in our records | lost | doubled | held slot booked by another call |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        int[] totals = new int[5];
        for (int i = 0; i <= phases.size() && i < audit.calcom().length; i++) {
            String name = i < phases.size() ? phases.get(i).name() : "after (calls finishing)";
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d |%n",
                    name,
                    audit.calcom()[i],
                    audit.recorded()[i],
                    audit.lost()[i],
                    audit.doubled()[i],
                    audit.heldTaken()[i]));
            totals[0] += audit.calcom()[i];
            totals[1] += audit.recorded()[i];
            totals[2] += audit.lost()[i];
            totals[3] += audit.doubled()[i];
            totals[4] += audit.heldTaken()[i];
        }
        md.append(String.format(
                Locale.ROOT,
                "| **all** | %d | %d | %d | %d | %d |%n%n",
                totals[0],
                totals[1],
                totals[2],
                totals[3],
                totals[4]));
        md.append("Bookings are Slotline's (request id in their metadata), active at the end, counted by when Cal.com "
                + "created them, after the run waited 45 s for reconciliation.");
        if (!audit.heldTakenNote().isEmpty()) {
            md.append(" ").append(audit.heldTakenNote());
        }
        md.append("\n\n");
        List<String> lines = new ArrayList<>();
        notes.forEach((phase, note) ->
                lines.add("- " + (phase < phases.size() ? phases.get(phase).name() : "after") + ": " + note));
        if (!lines.isEmpty()) {
            md.append(String.join("\n", lines)).append("\n");
        }
        return md.toString();
    }

    private static String percent(List<Recorder.Request> requests, Map<String, Duration> deadlines) {
        if (requests.isEmpty()) {
            return "-";
        }
        long within = requests.stream()
                .filter(r -> r.withinDeadline(Recorder.deadlineOf(r.function(), deadlines)))
                .count();
        return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * within / requests.size(), within, requests.size());
    }

    private static String p95(List<Recorder.Request> requests, String function) {
        long[] latencies = requests.stream()
                .filter(r -> r.function().equals(function))
                .mapToLong(Recorder.Request::latencyNanos)
                .sorted()
                .toArray();
        if (latencies.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(0.95 * latencies.length) - 1;
        return Long.toString(latencies[Math.max(0, index)] / 1_000_000);
    }
}
