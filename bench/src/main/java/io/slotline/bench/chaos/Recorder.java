package io.slotline.bench.chaos;

import io.slotline.bench.load.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every request of the run, tagged with the phase and whether a fault was being played when it was sent. */
final class Recorder {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String FUNCTIONS = "/retell/functions/";

    /**
     * @param function  the function's name, or {@code webhook}/{@code inbound}
     * @param status    HTTP status, 0 when no answer came (refused, cut off, timed out)
     * @param reason    {@code ok} or the answer's reason
     */
    record Request(
            int phase, boolean inFault, String function, long sentNanos, long latencyNanos, int status, String reason) {

        boolean isFunction() {
            return !function.equals("webhook") && !function.equals("inbound");
        }

        /** An answer by the function's deadline that is not "too slow", "internal error" or a server error. */
        boolean withinDeadline(Duration deadline) {
            return status == 200 && latencyNanos <= deadline.toNanos() && !reason.equals("deadline");
        }

        boolean healthy(Duration deadline) {
            return withinDeadline(deadline) && !reason.equals("calcom_unavailable") && !reason.equals("internal_error");
        }
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile int phase;
    private volatile boolean inFault;

    void phase(int index) {
        phase = index;
    }

    void fault(boolean playing) {
        inFault = playing;
    }

    void record(
            String path,
            String body,
            long sentNanos,
            long completedNanos,
            @Nullable HttpReply reply,
            @Nullable Throwable failure) {
        String function = path.startsWith(FUNCTIONS)
                ? path.substring(FUNCTIONS.length())
                : path.contains("inbound") ? "inbound" : "webhook";
        String reason = "no_answer";
        int status = 0;
        if (failure == null && reply != null) {
            status = reply.status();
            reason = status == 200 ? reasonOf(reply.body()) : "http_" + status;
        }
        requests.add(new Request(phase, inFault, function, sentNanos, completedNanos - sentNanos, status, reason));
    }

    private static String reasonOf(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (!json.has("ok") || json.path("ok").asBoolean()) {
                return "ok";
            }
            return json.path("reason").asString("not_ok");
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    List<Request> all() {
        List<Request> list = new ArrayList<>(requests);
        list.sort((a, b) -> Long.compare(a.sentNanos(), b.sentNanos()));
        return list;
    }

    /** Seconds from {@code faultEnd} to the first of ten function calls in a row answered well; NaN if never. */
    double recoverySeconds(long faultEnd, Map<String, Duration> deadlines) {
        List<Request> after = all().stream()
                .filter(r -> r.isFunction() && r.sentNanos() >= faultEnd)
                .toList();
        for (int i = 0; i + 10 <= after.size(); i++) {
            boolean streak = true;
            for (int j = i; j < i + 10 && streak; j++) {
                Request r = after.get(j);
                streak = r.healthy(deadlineOf(r.function(), deadlines));
            }
            if (streak) {
                return (after.get(i).sentNanos() - faultEnd) / 1e9;
            }
        }
        return Double.NaN;
    }

    static Duration deadlineOf(String function, Map<String, Duration> deadlines) {
        return deadlines.getOrDefault(function, Duration.ofSeconds(5));
    }
}
