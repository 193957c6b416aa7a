package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.calls.FunctionCallLog;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.NewFunctionCall;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher's last line: whatever a function waits for (a hung database while the call is resolved, a library
 * that ignores its own timeout), the caller hears a speakable answer by the function's deadline, and the work that
 * was still going on is not cut off: it finishes and is logged.
 */
class DeadlineBackstopTest {

    private static final Duration DEADLINE = Duration.ofMillis(300);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean finished = new AtomicBoolean();
    private final FunctionCallLog callLog = mock(FunctionCallLog.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FunctionDispatcher dispatcher = new FunctionDispatcher(
            List.of(new Stuck()),
            JsonMapper.builder().build(),
            mock(FunctionIdempotency.class),
            callLog,
            new FunctionMetrics(registry),
            Clock.systemUTC(),
            new FunctionProperties(
                    Duration.ofSeconds(2),
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Map.of("stuck_probe", DEADLINE)));

    record Args(String question) {}

    /** A read function whose dependency hangs until the test lets it go. */
    final class Stuck implements FunctionHandler<Args> {
        @Override
        public String name() {
            return "stuck_probe";
        }

        @Override
        public String description() {
            return "hangs";
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }

        @Override
        public FunctionResult handle(CallContext context, Args args) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return FunctionResult.ok("late but done", Map.of());
        }
    }

    @AfterEach
    void letGo() {
        release.countDown();
    }

    @Test
    void aFunctionStuckInItsWorkIsAnsweredSpeakablyByItsDeadlineAndFinishesAfterwards() {
        var prepared = dispatcher.prepare(
                "stuck_probe", JsonMapper.builder().build().createObjectNode().put("question", "is it free"));

        long started = System.nanoTime();
        FunctionResult answer = prepared.run(context(Language.DE));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.reason()).isEqualTo(Reason.DEADLINE);
        assertThat(answer.message())
                .isEqualTo("Entschuldigung, das System antwortet gerade sehr langsam. "
                        + "Darf ich es gleich noch einmal versuchen?");
        assertThat(took).as("well inside Retell's tool timeout").isLessThan(Duration.ofSeconds(5));
        assertThat(finished).as("answered while the work still hangs").isFalse();
        verify(callLog, never()).record(any());

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilTrue(finished);
        ArgumentCaptor<NewFunctionCall> logged = ArgumentCaptor.forClass(NewFunctionCall.class);
        verify(callLog, timeout(10_000)).record(logged.capture());
        assertThat(logged.getValue().functionName()).isEqualTo("stuck_probe");
        assertThat(logged.getValue().message()).isEqualTo("late but done");
        assertThat(registry.find(FunctionMetrics.FUNCTION_OUTCOMES)
                        .tag("reason", "deadline")
                        .counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
    }

    @Test
    void aCallThatCannotEvenBeResolvedInTimeIsAnsweredInTheCompanysLanguageKnownFromTheNumber() {
        var prepared = dispatcher.prepare(
                "stuck_probe", JsonMapper.builder().build().createObjectNode().put("question", "is it free"));

        long started = System.nanoTime();
        FunctionResult answer = prepared.run(Language.EN, () -> {
            try {
                release.await(30, TimeUnit.SECONDS); // the database that resolves the call hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return context(Language.EN);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.reason()).isEqualTo(Reason.DEADLINE);
        assertThat(answer.message())
                .isEqualTo("Sorry, the system is responding very slowly right now. May I try that again in a moment?");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    private static CallContext context(Language language) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Company company = new Company(1, "salon", "Salon", language, zone, new Policies(6, 12, 2, List.of()), 60, true);
        Branch branch = new Branch(1, 1, "Main", zone, null, true, null);
        return new CallContext(
                company, branch, "call_1", 1, null, "+4930111111", "tc_1", Instant.parse("2026-03-23T08:00:00Z"));
    }
}
