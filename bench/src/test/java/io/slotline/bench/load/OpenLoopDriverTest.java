package io.slotline.bench.load;

import static io.slotline.bench.load.ManualTime.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopDriverTest {

    private final ManualTime time = new ManualTime();

    /** A server that answers nothing until released, then everything at once (a GC pause, a stuck upstream). */
    private static final class StallingServer implements Transport {
        final Deque<CompletableFuture<HttpReply>> waiting = new ArrayDeque<>();
        final List<Long> receivedAt = new ArrayList<>();
        private final Ticker ticker;

        StallingServer(Ticker ticker) {
            this.ticker = ticker;
        }

        @Override
        public CompletableFuture<HttpReply> send(OutgoingRequest request) {
            receivedAt.add(ticker.nanoTime());
            CompletableFuture<HttpReply> reply = new CompletableFuture<>();
            waiting.add(reply);
            return reply;
        }

        void releaseAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().complete(new HttpReply(200, "{\"ok\":true}"));
            }
        }
    }

    private static OutgoingRequest request() {
        return new OutgoingRequest("/retell/functions/check_availability", "{}", Map.of());
    }

    @Test
    void stalledServerChargesEveryWaitingRequestFromItsIntendedStart() {
        StallingServer server = new StallingServer(time);
        LatencyBook book = new LatencyBook(0);
        OpenLoopDriver driver = new OpenLoopDriver(time, time, server, book);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(driver.send("check_availability", ms(100L * i), OpenLoopDriverTest::request, r -> Outcome.OK));
        }

        // the server stalls for a second: an open loop keeps sending while nothing comes back
        time.advanceToMillis(950);
        assertThat(server.receivedAt)
                .containsExactly(
                        ms(0), ms(100), ms(200), ms(300), ms(400), ms(500), ms(600), ms(700), ms(800), ms(900));
        time.advanceToMillis(1000);
        server.releaseAll();

        List<Long> latencies = sent.stream().map(f -> f.join().latencyNanos()).toList();
        assertThat(latencies)
                .containsExactly(
                        ms(1000), ms(900), ms(800), ms(700), ms(600), ms(500), ms(400), ms(300), ms(200), ms(100));
        Histogram h = book.snapshot().get("check_availability").histogram();
        assertThat(h.getTotalCount()).isEqualTo(10);
        // a closed loop would have sent one request, waited 1 s, and recorded 1 slow sample next to fast ones
        assertThat(h.getValueAtPercentile(50)).isBetween(500_000L, 501_000L);
        assertThat(h.getMaxValue()).isBetween(1_000_000L, 1_001_000L);
    }

    @Test
    void lateSendIsChargedToLatencyAndReportedAsGeneratorLag() {
        time.fireLateBy(50);
        LatencyBook book = new LatencyBook(0);
        Transport answersIn2Ms = request -> {
            CompletableFuture<HttpReply> reply = new CompletableFuture<>();
            time.after(ms(2), () -> reply.complete(new HttpReply(200, "{\"ok\":true}")));
            return reply;
        };
        OpenLoopDriver driver = new OpenLoopDriver(time, time, answersIn2Ms, book);

        CompletableFuture<Exchange> exchange =
                driver.send("get_alternatives", ms(100), OpenLoopDriverTest::request, r -> Outcome.OK);
        time.advanceToMillis(200);

        assertThat(exchange.join().sentNanos()).isEqualTo(ms(150));
        assertThat(exchange.join().latencyNanos()).isEqualTo(ms(52));
        assertThat(exchange.join().lagNanos()).isEqualTo(ms(50));
        assertThat(book.lagHistogram().getMaxValue()).isBetween(50_000L, 50_100L);
    }

    @Test
    void warmUpRequestsAreNotRecorded() {
        LatencyBook book = new LatencyBook(ms(1000));
        Transport ok = request -> CompletableFuture.completedFuture(new HttpReply(200, "{\"ok\":true}"));
        OpenLoopDriver driver = new OpenLoopDriver(time, time, ok, book);

        driver.send("book_appointment", ms(999), OpenLoopDriverTest::request, r -> Outcome.OK);
        driver.send("book_appointment", ms(1000), OpenLoopDriverTest::request, r -> Outcome.OK);
        driver.send("book_appointment", ms(1500), OpenLoopDriverTest::request, r -> Outcome.OK);
        time.advanceToMillis(2000);

        assertThat(book.snapshot().get("book_appointment").total()).isEqualTo(2);
    }

    @Test
    void outcomesSeparateHttpErrorsTimeoutsAndBusinessNo() {
        LatencyBook book = new LatencyBook(0);
        Deque<CompletableFuture<HttpReply>> replies = new ArrayDeque<>(List.of(
                CompletableFuture.completedFuture(new HttpReply(200, "{\"ok\":false}")),
                CompletableFuture.completedFuture(new HttpReply(500, "boom")),
                CompletableFuture.failedFuture(new HttpTimeoutException("timed out")),
                CompletableFuture.failedFuture(new java.net.ConnectException("refused")),
                CompletableFuture.completedFuture(new HttpReply(200, "not json"))));
        OpenLoopDriver driver = new OpenLoopDriver(time, time, request -> replies.poll(), book);

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(driver.send("cancel_appointment", ms(i), OpenLoopDriverTest::request, reply -> {
                if (reply.body().startsWith("{")) {
                    return reply.body().contains("false") ? Outcome.NOT_OK : Outcome.OK;
                }
                throw new IllegalArgumentException("not JSON");
            }));
        }
        time.advanceToMillis(10);

        assertThat(sent.stream().map(f -> f.join().outcome()).toList())
                .containsExactly(
                        Outcome.NOT_OK, Outcome.HTTP_ERROR, Outcome.TIMEOUT, Outcome.IO_ERROR, Outcome.HTTP_ERROR);
        MetricSnapshot snapshot = book.snapshot().get("cancel_appointment");
        assertThat(snapshot.count(Outcome.HTTP_ERROR)).isEqualTo(2);
        assertThat(snapshot.count(Outcome.NOT_OK)).isEqualTo(1);
    }
}
