package io.slotline.sim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.sim.config.FaultSettings;
import io.slotline.sim.config.LatencyModel;
import io.slotline.sim.config.SimConfig;
import org.junit.jupiter.api.Test;

class SimSettingsTest {

    private final SimSettings settings =
            new SimSettings(SimConfig.defaults().withLatency(SimConfig.BOOKINGS, LatencyModel.fixed(100)));

    @Test
    void aPartialPatchChangesOnlyTheGivenFields() {
        SimConfig merged = settings.merge(Json.MAPPER.readTree("""
                {"faults":{"slots":{"errorRate":0.25}},"rateLimit":{"limit":5}}"""));

        assertThat(merged.faultsOf(SimConfig.SLOTS))
                .isEqualTo(FaultSettings.none().withErrorRate(0.25));
        assertThat(merged.rateLimit().limit()).isEqualTo(5);
        assertThat(merged.rateLimit().windowSeconds()).isEqualTo(60);
        assertThat(merged.latencyOf(SimConfig.BOOKINGS)).isEqualTo(LatencyModel.fixed(100));
        assertThat(settings.current()).isEqualTo(merged);
    }

    @Test
    void allAppliesToEveryGroupAndGroupEntriesWin() {
        SimConfig merged = settings.merge(Json.MAPPER.readTree("""
                {"latency":{"all":{"type":"fixed","ms":20},"slots":{"ms":70}}}"""));

        assertThat(merged.latencyOf(SimConfig.EVENT_TYPES)).isEqualTo(LatencyModel.fixed(20));
        assertThat(merged.latencyOf(SimConfig.SLOTS)).isEqualTo(LatencyModel.fixed(70));
    }

    @Test
    void switchingToLogNormalNeedsItsParameters() {
        SimConfig merged = settings.merge(Json.MAPPER.readTree("""
                {"latency":{"slots":{"type":"lognormal","medianMs":300,"p99Ms":2000}}}"""));

        assertThat(merged.latencyOf(SimConfig.SLOTS)).isEqualTo(LatencyModel.logNormal(300, 2000));
    }

    @Test
    void invalidPatchesLeaveTheConfigurationUnchanged() {
        SimConfig before = settings.current();

        assertThatThrownBy(() -> settings.merge(Json.MAPPER.readTree("""
                {"faults":{"slots":{"errorRate":2}}}"""))).isNotNull();
        assertThatThrownBy(() -> settings.merge(Json.MAPPER.readTree("""
                {"faults":{"slots":{"errorRat":0.5}}}"""))).isNotNull();
        assertThatThrownBy(() -> settings.merge(Json.MAPPER.readTree("[]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.current()).isEqualTo(before);
    }

    @Test
    void restoreReturnsToTheStartUpConfiguration() {
        settings.merge(Json.MAPPER.readTree("""
                {"rateLimit":{"enabled":false}}"""));

        assertThat(settings.restoreInitial().rateLimit().enabled()).isTrue();
    }
}
