package io.slotline.calcom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.slotline.calcom.CalcomCallContext.Priority;
import io.slotline.calcom.CalcomException.Origin;
import io.slotline.calcom.CalcomException.Unavailable.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CalcomApi} that keeps a struggling Cal.com account from holding callers hostage, around the raw client:
 * <ul>
 * <li>a circuit breaker per account (named after the account): only "Cal.com can't answer" counts as failure
 * ({@link CalcomException.Unavailable}); business answers (slot taken, not found, bad request, unauthorized) are
 * successes and 429s are ignored. An open breaker refuses at once with {@code Unavailable} of kind
 * {@code SHORT_CIRCUITED}.</li>
 * <li>a request budget per account ({@link RequestBudget}): a refused request gets {@link CalcomException.RateLimited}
 * at once (HTTP status 0 in its origin: not Cal.com's answer). Priority and deadline come from
 * {@link CalcomCallContext}.</li>
 * <li>at most one retry of an idempotent read, for live calls, inside the deadline.</li>
 * </ul>
 * Time is the injected clock's (the breaker's windows included), so tests control it.
 */
public final class ResilientCalcomApi implements CalcomApi {

    private static final Logger log = LoggerFactory.getLogger(ResilientCalcomApi.class);

    private final CalcomApi delegate;
    private final CircuitBreakerRegistry breakers;
    private final CalcomResilienceProperties properties;
    private final Clock clock;
    private final ConcurrentMap<String, RequestBudget> budgets = new ConcurrentHashMap<>();
    private final @Nullable SharedRequestBudget shared;

    public ResilientCalcomApi(
            CalcomApi delegate, CircuitBreakerRegistry breakers, CalcomResilienceProperties properties, Clock clock) {
        this(delegate, breakers, properties, clock, null);
    }

    ResilientCalcomApi(
            CalcomApi delegate,
            CircuitBreakerRegistry breakers,
            CalcomResilienceProperties properties,
            Clock clock,
            @Nullable SharedRequestBudget shared) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = shared;
    }

    /** The breaker configuration for {@link CircuitBreakerRegistry#of(CircuitBreakerConfig)}. */
    public static CircuitBreakerConfig breakerConfig(CalcomResilienceProperties.Breaker breaker, Clock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) breaker.slidingWindow().toSeconds())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .slowCallDurationThreshold(breaker.slowCallThreshold())
                .slowCallRateThreshold(breaker.slowCallRatePercent())
                .waitDurationInOpenState(breaker.openWait())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                .recordException(ResilientCalcomApi::isFailure)
                .ignoreExceptions(CalcomException.RateLimited.class)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
    }

    // Cal.com not answering is the breaker's business; a 4xx is Cal.com answering.
    private static boolean isFailure(Throwable error) {
        return error instanceof CalcomException.Unavailable unavailable
                ? unavailable.kind() != Kind.SHORT_CIRCUITED
                : !(error instanceof CalcomException);
    }

    @Override
    public SlotsResult slots(CalcomAccount account, SlotsQuery query) {
        return call(account, Endpoint.SLOTS, () -> delegate.slots(account, query));
    }

    @Override
    public Booking createBooking(CalcomAccount account, CreateBooking request) {
        return call(account, Endpoint.BOOKINGS_CREATE, () -> delegate.createBooking(account, request));
    }

    @Override
    public Booking getBooking(CalcomAccount account, String uid) {
        return call(account, Endpoint.BOOKINGS_GET, () -> delegate.getBooking(account, uid));
    }

    @Override
    public BookingPage listBookings(CalcomAccount account, BookingFilter filter) {
        return call(account, Endpoint.BOOKINGS_LIST, () -> delegate.listBookings(account, filter));
    }

    @Override
    public Booking cancel(CalcomAccount account, String uid, String reason) {
        return call(account, Endpoint.BOOKINGS_CANCEL, () -> delegate.cancel(account, uid, reason));
    }

    @Override
    public Booking reschedule(CalcomAccount account, String uid, Instant newStart, @Nullable String reason) {
        return call(account, Endpoint.BOOKINGS_RESCHEDULE, () -> delegate.reschedule(account, uid, newStart, reason));
    }

    @Override
    public Reservation reserve(
            CalcomAccount account,
            long eventTypeId,
            Instant slotStart,
            int slotDurationMinutes,
            int reservationMinutes) {
        return call(
                account,
                Endpoint.RESERVATIONS_CREATE,
                () -> delegate.reserve(account, eventTypeId, slotStart, slotDurationMinutes, reservationMinutes));
    }

    @Override
    public void releaseReservation(CalcomAccount account, String reservationUid) {
        call(account, Endpoint.RESERVATIONS_DELETE, () -> {
            delegate.releaseReservation(account, reservationUid);
            return Boolean.TRUE;
        });
    }

    @Override
    public List<EventType> eventTypes(CalcomAccount account) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.eventTypes(account));
    }

    @Override
    public EventType eventType(CalcomAccount account, EventTypeKey key) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.eventType(account, key));
    }

    @Override
    public List<EventType> userEventTypes(CalcomAccount account, String username) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.userEventTypes(account, username));
    }

    @Override
    public List<EventType> teamEventTypes(CalcomAccount account, long teamId) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.teamEventTypes(account, teamId));
    }

    @Override
    public List<CalcomWebhook> eventTypeWebhooks(CalcomAccount account, EventTypeKey key) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.eventTypeWebhooks(account, key));
    }

    @Override
    public CalcomWebhook createEventTypeWebhook(
            CalcomAccount account, EventTypeKey key, String subscriberUrl, List<String> triggers, String secret) {
        return call(
                account,
                Endpoint.EVENT_TYPES,
                () -> delegate.createEventTypeWebhook(account, key, subscriberUrl, triggers, secret));
    }

    @Override
    public CalcomUser me(CalcomAccount account) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.me(account));
    }

    @Override
    public List<CalcomTeam> teams(CalcomAccount account) {
        return call(account, Endpoint.EVENT_TYPES, () -> delegate.teams(account));
    }

    @Override
    public Optional<RateLimitStatus> rateLimitStatus(String accountName) {
        return delegate.rateLimitStatus(accountName);
    }

    /** Permits taken from the account's budget in the current window. */
    public int budgetUsed(String accountName) {
        return budget(accountName).used(clock.instant());
    }

    /** Whether requests also count against the budget all instances share (diagnostics and tests). */
    boolean sharesBudget() {
        return shared != null;
    }

    public CircuitBreaker circuitBreaker(String accountName) {
        return breakers.circuitBreaker(accountName);
    }

    // ---- the call

    private <T> T call(CalcomAccount account, Endpoint endpoint, Supplier<T> action) {
        CalcomCallContext context = CalcomCallContext.current();
        if (context.priority() == Priority.LIVE && isChange(endpoint)) {
            // a caller waits for this change: it must never queue behind reads, reservations or refreshes
            context = new CalcomCallContext(Priority.CHANGE, context.deadline());
        }
        Instant firstStart = clock.instant();
        try {
            return attempt(account, endpoint, context, action);
        } catch (CalcomException.Unavailable failure) {
            if (!mayRetry(endpoint, context, failure, firstStart)) {
                throw failure;
            }
            log.debug("Retrying {} for {} once after: {}", endpoint.tag(), account.name(), failure.getMessage());
            return attempt(account, endpoint, context, action);
        }
    }

    private <T> T attempt(CalcomAccount account, Endpoint endpoint, CalcomCallContext context, Supplier<T> action) {
        CircuitBreaker breaker = breakers.circuitBreaker(account.name());
        if (!breaker.tryAcquirePermission()) {
            throw new CalcomException.Unavailable(
                    Origin.of(account.name(), endpoint.tag()),
                    Kind.SHORT_CIRCUITED,
                    "circuit breaker open, not calling Cal.com",
                    null);
        }
        Instant start = clock.instant();
        RequestBudget.Refusal refusal =
                budget(account.name()).tryAcquire(context.priority(), start, delegate.rateLimitStatus(account.name()));
        if (refusal == null && shared != null) {
            Duration wait = shared.tryAcquire(account.name(), context.priority());
            if (wait != null) {
                budget(account.name()).giveBack(start);
                refusal = new RequestBudget.Refusal(
                        switch (context.priority()) {
                            case CHANGE -> "the budget all instances share is spent";
                            case LIVE -> "only the shared reserve for bookings and changes is left";
                            case BACKGROUND -> "only the shared live reserve is left";
                        },
                        wait);
            }
        }
        if (refusal != null) {
            breaker.releasePermission();
            log.debug(
                    "Not calling Cal.com {} for {} ({}): {}",
                    endpoint.tag(),
                    account.name(),
                    context.priority(),
                    refusal.reason());
            throw new CalcomException.RateLimited(
                    Origin.of(account.name(), endpoint.tag()),
                    Math.max(1, ceilSeconds(refusal.retryAfter())),
                    "not sent: " + refusal.reason());
        }
        try {
            T result = action.get();
            breaker.onSuccess(breakerMillis(endpoint, start), TimeUnit.MILLISECONDS);
            return result;
        } catch (CalcomException.RateLimited limited) {
            budget(account.name()).blockFor(clock.instant(), limited.resetSeconds());
            breaker.onError(breakerMillis(endpoint, start), TimeUnit.MILLISECONDS, limited);
            throw limited;
        } catch (RuntimeException | Error e) {
            breaker.onError(breakerMillis(endpoint, start), TimeUnit.MILLISECONDS, e);
            throw e;
        }
    }

    private boolean mayRetry(
            Endpoint endpoint, CalcomCallContext context, CalcomException.Unavailable failure, Instant firstStart) {
        if (!properties.retry().enabled()
                || failure.kind() == Kind.SHORT_CIRCUITED
                || !isIdempotentRead(endpoint)
                || context.priority() != Priority.LIVE) {
            return false;
        }
        Instant now = clock.instant();
        Duration firstAttempt = Duration.between(firstStart, now);
        Instant deadline = context.deadline() != null
                ? context.deadline()
                : firstStart.plus(properties.retry().windowWithoutDeadline());
        return !now.plus(firstAttempt).isAfter(deadline) && now.isBefore(deadline);
    }

    private static boolean isChange(Endpoint endpoint) {
        return switch (endpoint) {
            case BOOKINGS_CREATE, BOOKINGS_CANCEL, BOOKINGS_RESCHEDULE -> true;
            default -> false;
        };
    }

    private static boolean isIdempotentRead(Endpoint endpoint) {
        return switch (endpoint) {
            case SLOTS, BOOKINGS_GET, BOOKINGS_LIST, EVENT_TYPES -> true;
            default -> false;
        };
    }

    // A slow booking is Cal.com doing its job (conflict checks, calendar writes), not a sign of trouble:
    // only reads feed the slow-call rate.
    private long breakerMillis(Endpoint endpoint, Instant start) {
        long elapsed = Math.max(0, Duration.between(start, clock.instant()).toMillis());
        if (isIdempotentRead(endpoint)) {
            return elapsed;
        }
        return Math.min(elapsed, properties.breaker().slowCallThreshold().toMillis() - 1);
    }

    private RequestBudget budget(String accountName) {
        return budgets.computeIfAbsent(accountName, name -> new RequestBudget(properties.budget()));
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
