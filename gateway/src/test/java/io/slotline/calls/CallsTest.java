package io.slotline.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;

@OnEveryDatabase
class CallsTest {

    static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant ENDED = Instant.parse("2026-03-02T09:04:30Z");

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(STARTED.plusSeconds(1));
    Calls calls;
    TestTenant salon;
    TestTenant other;
    long customerId;
    String callId;

    @BeforeEach
    void setUp() {
        calls = new Calls(JdbcClient.create(dataSource()), clock);
        TestTenants tenants = new TestTenants(dataSource());
        salon = tenants.create();
        other = tenants.create();
        customerId = tenants.customer(salon, TestTenants.randomE164());
        callId = "call_" + UUID.randomUUID();
    }

    CallFacts fromFunctionCall() {
        return new CallFacts(
                callId,
                salon.companyId(),
                salon.branchId(),
                "agent_1",
                "+4915112345678",
                "+4930120000",
                "inbound",
                STARTED);
    }

    /** Webhooks for calls we route carry the same facts; call_ended may lack what call_started had. */
    CallFacts fromWebhook() {
        return new CallFacts(
                callId,
                salon.companyId(),
                salon.branchId(),
                "agent_1",
                "+4915112345678",
                "+4930120000",
                "inbound",
                STARTED);
    }

    CallFacts bare() {
        return new CallFacts(callId, salon.companyId(), null, null, null, null, null, null);
    }

    @Test
    void functionCallBeforeCallStartedMakesOneCompleteRow() {
        Call first = calls.ensure(fromFunctionCall(), customerId);
        Call merged = calls.recordStarted(fromWebhook());

        assertThat(merged.id()).isEqualTo(first.id());
        assertThat(merged.customerId()).isEqualTo(customerId);
        assertThat(merged.status()).isEqualTo(Call.ONGOING);
        assertThat(merged.startedAt()).isEqualTo(STARTED);
        assertThat(merged.branchId()).isEqualTo(salon.branchId());
    }

    @Test
    void callStartedBeforeFunctionCallMakesTheSameRow() {
        Call first = calls.recordStarted(fromWebhook());
        Call merged = calls.ensure(fromFunctionCall(), customerId);

        assertThat(merged.id()).isEqualTo(first.id());
        assertThat(merged.customerId()).isEqualTo(customerId);
        assertThat(merged.fromNumber()).isEqualTo("+4915112345678");
        assertThat(merged.toNumber()).isEqualTo("+4930120000");
        assertThat(merged.agentId()).isEqualTo("agent_1");
        assertThat(merged.direction()).isEqualTo("inbound");
    }

    @Test
    void lateFunctionCallDoesNotReopenAnEndedCall() {
        calls.recordStarted(fromWebhook());
        calls.recordEnded(bare(), "ended", "user_hangup", ENDED);

        Call afterLateFunction = calls.ensure(fromFunctionCall(), customerId);

        assertThat(afterLateFunction.status()).isEqualTo("ended");
        assertThat(afterLateFunction.endedAt()).isEqualTo(ENDED);
        assertThat(afterLateFunction.customerId()).isEqualTo(customerId);
    }

    @Test
    void eventsInAnyOrderEndInTheSameRow() {
        calls.recordAnalyzed(bare(), "Booked a haircut", "Positive", true, null, null);
        calls.recordEnded(bare(), null, "agent_hangup", ENDED);
        calls.ensure(fromFunctionCall(), customerId);
        Call last = calls.recordStarted(fromWebhook());

        assertThat(last.status()).isEqualTo("ended");
        assertThat(last.summary()).isEqualTo("Booked a haircut");
        assertThat(last.userSentiment()).isEqualTo("Positive");
        assertThat(last.callSuccessful()).isTrue();
        assertThat(last.disconnectionReason()).isEqualTo("agent_hangup");
        assertThat(last.endedAt()).isEqualTo(ENDED);
        assertThat(last.startedAt()).isEqualTo(STARTED);
        assertThat(last.fromNumber()).isEqualTo("+4915112345678");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void analyzedWithoutEndedStillEndsTheCall() {
        calls.recordStarted(fromWebhook());

        Call analyzed = calls.recordAnalyzed(bare(), "Asked for prices", "Neutral", false, false, "{\"rating\":3}");

        assertThat(analyzed.status()).isEqualTo("ended");
        assertThat(analyzed.callSuccessful()).isFalse();
    }

    @Test
    void notConnectedCallIsStoredWithoutCallStarted() {
        Call call = calls.recordEnded(fromWebhook(), "not_connected", "dial_no_answer", ENDED);

        assertThat(call.status()).isEqualTo("not_connected");
        assertThat(call.disconnectionReason()).isEqualTo("dial_no_answer");
    }

    @Test
    void rejectsNonFinalStatusForEnded() {
        assertThatThrownBy(() -> calls.recordEnded(bare(), "ongoing", null, ENDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherCompanyCannotSeeOrHijackTheCall() {
        calls.ensure(fromFunctionCall(), customerId);
        CallFacts foreign = new CallFacts(
                callId, other.companyId(), other.branchId(), "agent_x", "+441234", "+442071230000", "inbound", STARTED);

        assertThat(calls.findByRetellCallId(other.companyId(), callId)).isEmpty();
        // the same id is a call of the other company's own: nothing of the first is read or changed
        Call theirs = calls.recordStarted(foreign);

        assertThat(theirs.companyId()).isEqualTo(other.companyId());
        assertThat(theirs.agentId()).isEqualTo("agent_x");
        assertThat(theirs.customerId()).isNull();
        assertThat(calls.findByRetellCallId(salon.companyId(), callId))
                .get()
                .extracting(Call::agentId, Call::customerId)
                .containsExactly("agent_1", customerId);
    }

    @Test
    void activeCountSeesOngoingCallsAndForgetsOnesWhoseEndWasLost() {
        // a moment no other test's rows reach, so the global count is ours alone
        clock.set(Instant.parse("2031-05-05T10:00:00Z"));
        calls.recordStarted(fromWebhook());
        String endedCall = callId;
        callId = "call_" + UUID.randomUUID();
        calls.recordStarted(fromWebhook());
        int bothOngoing = calls.countActive();

        callId = endedCall;
        calls.recordEnded(bare(), null, "user_hangup", clock.instant());
        int oneOngoing = calls.countActive();

        clock.advance(Calls.ACTIVE_WINDOW.plus(Duration.ofMinutes(1)));
        int endLost = calls.countActive();

        assertThat(bothOngoing).isEqualTo(2);
        assertThat(oneOngoing).isEqualTo(1);
        assertThat(endLost).isZero();
    }

    private int rows() {
        return JdbcClient.create(dataSource())
                .sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = ?")
                .param(callId)
                .query(Integer.class)
                .single();
    }
}
