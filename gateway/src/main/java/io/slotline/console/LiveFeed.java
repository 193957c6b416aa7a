package io.slotline.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes Today's live view to open console pages (server-sent events): every {@code slotline.console.live-interval}
 * it reads the calls in progress and today's counts once per distinct viewer (scope, language) from the database,
 * which every instance writes to, and sends them to a page only when they changed.
 */
@Component
class LiveFeed implements DisposableBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** What a page needs to redraw its live parts. */
    record Snapshot(
            boolean operator, List<LiveCall> calls, long callsToday, int bookings, long openCallbacks, int failed) {}

    record LiveCall(
            long id,
            String href,
            String started,
            String caller,
            String company,
            int functions,
            @Nullable String last) {}

    /** Viewers that see the same thing share one read per tick. */
    record Viewer(Scope scope, boolean operator, Locale locale, String contextPath) {}

    private static final class Subscriber {
        final SseEmitter emitter;
        final Viewer viewer;
        volatile @Nullable String lastSent;

        Subscriber(SseEmitter emitter, Viewer viewer) {
            this.emitter = emitter;
            this.viewer = viewer;
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final TodayController today;
    private final ConsoleViewer viewers;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ScheduledExecutorService ticker;

    LiveFeed(
            TodayController today,
            ConsoleViewer viewers,
            JsonMapper json,
            MessageSource messages,
            ConsoleProperties properties) {
        this.messages = messages;
        this.today = today;
        this.viewers = viewers;
        this.json = json;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-live");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.liveInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(Viewer viewer, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Subscriber subscriber = new Subscriber(emitter, viewer);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // the first event at once: the page is current from the moment it listens
        ticker.execute(() -> send(subscriber, snapshotJson(viewer)));
        return emitter;
    }

    int subscribers() {
        return subscribers.size();
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        Map<Viewer, String> snapshots = new HashMap<>();
        for (Subscriber subscriber : new ArrayList<>(subscribers)) {
            String snapshot;
            try {
                snapshot = snapshots.computeIfAbsent(subscriber.viewer, this::snapshotJson);
            } catch (RuntimeException e) {
                log.warn("console live view could not be read: {}", e.toString());
                return;
            }
            if (!snapshot.equals(subscriber.lastSent)) {
                send(subscriber, snapshot);
            }
        }
    }

    private void send(Subscriber subscriber, String snapshot) {
        try {
            subscriber.emitter.send(SseEmitter.event().name("today").data(snapshot, MediaType.APPLICATION_JSON));
            subscriber.lastSent = snapshot;
        } catch (IOException | IllegalStateException e) {
            // the page went away
            subscribers.remove(subscriber);
        }
    }

    String snapshotJson(Viewer viewer) {
        return json.writeValueAsString(snapshot(viewer));
    }

    Snapshot snapshot(Viewer viewer) {
        TodayController.Today now = today.today(viewer.scope());
        Formats formats = viewers.formats(viewer.scope(), viewer.locale());
        String withheld = messages.getMessage("call.withheld", null, "–", viewer.locale());
        List<LiveCall> calls = now.live().stream()
                .map(call -> new LiveCall(
                        call.id(),
                        viewer.contextPath() + "/console/calls/" + call.id()
                                + (viewer.operator() && !viewer.scope().all() ? "?company=" + call.companyId() : ""),
                        formats.time(call.when()),
                        (call.customerName() != null ? call.customerName() + " · " : "")
                                + Objects.requireNonNullElse(call.fromNumber(), withheld),
                        call.companyName(),
                        call.functionCalls(),
                        call.lastFunction() == null ? null : call.lastFunction() + " · " + call.lastOutcome()))
                .toList();
        return new Snapshot(
                viewer.operator(),
                calls,
                now.callsToday(),
                now.bookings().size(),
                now.openCallbacks(),
                now.failed().size());
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Streams never finish by themselves: they are ended before the web server's graceful shutdown (a later phase)
     * would wait for them, and the pages reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        for (Subscriber subscriber : subscribers) {
            subscriber.emitter.complete();
        }
        subscribers.clear();
    }
}
