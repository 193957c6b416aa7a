package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANY;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static io.slotline.availability.AvailabilityFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.redis.RedisGuard;
import io.slotline.support.RequiresRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two gateway instances (separate caches, separate Lettuce clients) sharing the real Redis and one counting
 * Cal.com. Every run uses its own key prefix.
 */
@RequiresRedis
class RedisAvailabilityTest {

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;
    private final String prefix = "slotline-test:" + UUID.randomUUID();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(20);
    private LettuceConnectionFactory adminConnections;
    private StringRedisTemplate admin;

    private record Instance(CachedAvailability availability, RedisDays days) {}

    @BeforeEach
    void connect() {
        adminConnections = RedisTestSupport.connections(RedisTestSupport.PORT);
        admin = new StringRedisTemplate(adminConnections);
    }

    @AfterEach
    void cleanUp() throws Exception {
        calcom.open();
        callers.shutdownNow();
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        Set<String> keys = admin.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) {
            admin.delete(keys);
        }
        adminConnections.destroy();
    }

    private Instance instance(CalcomApi api) {
        return instance(api, RedisTestSupport.PORT);
    }

    private Instance instance(CalcomApi api, int port) {
        LettuceConnectionFactory connections = RedisTestSupport.connections(port);
        resources.add(connections::destroy);
        AvailabilityProperties properties = AvailabilityProperties.defaults()
                .withStore(AvailabilityProperties.Store.REDIS)
                .withRedis(new AvailabilityProperties.Redis(prefix, Duration.ofSeconds(6)));
        RedisGuard guard = RedisTestSupport.guard(connections);
        resources.add(guard);
        RedisDays days = new RedisDays(connections, new SlotsFetcher(api), properties, guard, fixture.clock);
        // Herrenhaarschnitt hosted by Anna alone, without buffers: a booking of hers takes the any-host slot too
        EventTypeShapes shapes = (companyId, eventTypeId) ->
                eventTypeId == 1001 ? new EventTypeShape(1001, 0, 0, Set.of("anna-demo")) : null;
        CachedAvailability availability =
                new CachedAvailability(properties, days, fixture.metrics, shapes, fixture.clock);
        resources.add(availability);
        return new Instance(availability, days);
    }

    @Test
    void concurrentColdRequestsOnTwoInstancesMakeOneUpstreamRequest() throws Exception {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        calcom.holdRequests(1);
        List<Future<Availability>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(callers.submit(() -> first.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(13)))));
            answers.add(callers.submit(() -> second.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(13)))));
        }
        assertThat(calcom.awaitArrivals()).isTrue();
        // 9 callers per instance share their instance's load; one instance's load waits for the other's fetch
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.counter("slotline.availability.coalesced") == 18
                        && first.days().waiting() + second.days().waiting() == 1);

        calcom.open();

        for (Future<Availability> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).days()).hasSize(14);
        }
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void anotherInstanceAnswersFromRedisWithoutAskingCalcom() {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        Availability warmed = first.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(6)));

        Availability shared = second.availability().freeSlots(fixture.live(TODAY.plusDays(1), TODAY.plusDays(3)));

        assertThat(shared.days()).isEqualTo(warmed.days().subMap(TODAY.plusDays(1), true, TODAY.plusDays(3), true));
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void invalidationOnOneInstanceReachesEveryInstanceAndRedis() {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        first.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        second.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        calcom.take(at(TODAY.plusDays(1), 13));

        first.availability()
                .invalidate(HAIRCUT_ANY, TODAY.plusDays(1), TODAY.plusDays(1), InvalidationSource.OWN_BOOKING);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        second
                                .availability()
                                .freeSlots(fixture.live(TODAY, TODAY.plusDays(2)))
                                .on(TODAY.plusDays(1))
                                .stream()
                                .noneMatch(slot -> slot.start().equals(at(TODAY.plusDays(1), 13))));
        Availability onFirst = first.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        assertThat(onFirst.on(TODAY.plusDays(1))).extracting(FreeSlot::start).doesNotContain(at(TODAY.plusDays(1), 13));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void aBookingLearntOnOneInstanceIsAppliedToTheOthersMemoryWithoutAskingCalcom() {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        first.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        second.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(2)));
        assertThat(calcom.slotsCalls())
                .as("the second instance read the first one's answer from Redis")
                .isEqualTo(1);
        Instant booked = at(TODAY.plusDays(1), 13);
        calcom.take(booked);

        first.availability()
                .apply(
                        BusyChange.booked(
                                1,
                                booked,
                                booked.plus(Duration.ofMinutes(30)),
                                AvailabilityFixture.BERLIN,
                                1001L,
                                "anna-demo"),
                        InvalidationSource.OWN_BOOKING);

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        second
                                .availability()
                                .freeSlots(fixture.live(TODAY, TODAY.plusDays(2)))
                                .on(TODAY.plusDays(1))
                                .stream()
                                .noneMatch(slot -> slot.start().equals(booked)));
        assertThat(first.availability()
                        .freeSlots(fixture.live(TODAY, TODAY.plusDays(2)))
                        .on(TODAY.plusDays(1)))
                .extracting(FreeSlot::start)
                .doesNotContain(booked)
                .contains(at(TODAY.plusDays(1), 14));
        assertThat(calcom.slotsCalls())
                .as("both answered from their own memory")
                .isEqualTo(1);
    }

    @Test
    void fetchOlderThanAnInvalidationNeverOverwritesTheSharedEntry() throws Exception {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        calcom.holdRequests(1);
        Future<Availability> inFlight =
                callers.submit(() -> first.availability().freeSlots(fixture.live(TODAY, TODAY)));
        assertThat(calcom.awaitArrivals()).isTrue();
        calcom.take(at(TODAY, 16));
        second.availability().invalidate(HAIRCUT_ANY, TODAY, TODAY, InvalidationSource.WEBHOOK);

        calcom.open();
        inFlight.get(10, TimeUnit.SECONDS);

        Availability onSecond = second.availability().freeSlots(fixture.live(TODAY, TODAY));
        assertThat(onSecond.on(TODAY)).extracting(FreeSlot::start).doesNotContain(at(TODAY, 16));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.availability().freeSlots(fixture.live(TODAY, TODAY)).on(TODAY).stream()
                        .noneMatch(slot -> slot.start().equals(at(TODAY, 16))));
        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void failedFetchIsSharedWithTheWaitingInstanceAtOnce() throws Exception {
        Instance first = instance(calcom);
        Instance second = instance(calcom);
        calcom.holdRequests(1);
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));
        Future<Availability> owner = callers.submit(
                () -> first.availability().freeSlots(fixture.liveWithin(Duration.ofHours(1), TODAY, TODAY)));
        assertThat(calcom.awaitArrivals()).isTrue();
        Future<Availability> waiter = callers.submit(
                () -> second.availability().freeSlots(fixture.liveWithin(Duration.ofHours(1), TODAY, TODAY)));
        await().atMost(Duration.ofSeconds(10)).until(() -> second.days().waiting() == 1);

        calcom.open();

        for (Future<Availability> answer : List.of(owner, waiter)) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(CalendarUnavailableException.class)
                    .cause()
                    .isInstanceOf(CalcomException.Unavailable.class);
        }
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void waiterTakesOverWhenTheLockOwnerDied() throws Exception {
        Instance survivor = instance(calcom);
        DayRange range = new DayRange(HAIRCUT_ANY, AvailabilityFixture.BERLIN, TODAY, TODAY);
        // an owner that took the lock and died: nobody will ever publish
        admin.opsForValue().set(survivor.days().lockKey(range, "0"), "dead-owner", Duration.ofMillis(300));

        Availability answer =
                survivor.availability().freeSlots(fixture.liveWithin(Duration.ofSeconds(10), TODAY, TODAY));

        assertThat(answer.on(TODAY)).hasSize(8);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void instanceThatNeverSawTheDayServesItStaleFromRedisWhileCalcomIsDown() {
        Instance first = instance(calcom);
        ResilientCalcomApi guarded = fixture.resilient();
        Instance second = instance(guarded);
        first.availability().freeSlots(fixture.live(TODAY, TODAY));
        fixture.clock.advance(Duration.ofMinutes(45));
        guarded.circuitBreaker("demo-salon").transitionToOpenState();

        Availability answer = second.availability().freeSlots(fixture.live(TODAY, TODAY));

        assertThat(answer.stale()).isTrue();
        assertThat(answer.on(TODAY)).hasSize(8);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }

    @Test
    void withoutRedisTheInstanceStillAnswersFromCalcom() {
        Instance stranded = instance(calcom, 1);

        Availability answer = stranded.availability().freeSlots(fixture.live(TODAY, TODAY.plusDays(1)));

        assertThat(answer.days()).hasSize(2);
        assertThat(calcom.slotsCalls()).isEqualTo(1);
    }
}
