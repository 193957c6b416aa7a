package io.slotline.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.bench.load.HttpReply;
import io.slotline.bench.load.Outcome;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FunctionReplyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static FunctionReply reply(String body) {
        return FunctionReply.of(new HttpReply(200, body));
    }

    @Test
    void availabilityFromAvailableFieldElseOk() {
        assertThat(reply("{\"ok\":true,\"available\":false}").available()).isFalse();
        assertThat(reply("{\"ok\":true,\"message\":\"frei\"}").available()).isTrue();
        assertThat(reply("{\"ok\":false,\"reason\":\"slot_taken\"}").available())
                .isFalse();
        assertThat(FunctionReply.of(new HttpReply(503, "{\"ok\":true}")).available())
                .isFalse();
    }

    @Test
    void firstOfferedSlotPrefersListsOverEchoedRequest() {
        FunctionReply alternatives = reply("""
                {"ok":true,"date":"2026-11-20","time":"14:00",
                 "alternatives":[{"date":"2026-11-20","time":"15:30"},{"date":"2026-11-21","time":"10:00"}]}""");

        assertThat(alternatives.firstOfferedSlot(BERLIN))
                .contains(new SlotTime(LocalDate.of(2026, 11, 20), LocalTime.of(15, 30)));
    }

    @Test
    void isoStartsAreReadInTheBusinessZone() {
        FunctionReply next = reply("{\"ok\":true,\"slot\":{\"start\":\"2026-11-20T09:00:00Z\"}}");
        FunctionReply strings = reply("{\"ok\":true,\"slots\":[\"2026-07-01T08:30:00Z\"]}");

        assertThat(next.firstOfferedSlot(BERLIN))
                .contains(new SlotTime(LocalDate.of(2026, 11, 20), LocalTime.of(10, 0)));
        assertThat(strings.firstOfferedSlot(BERLIN))
                .contains(new SlotTime(LocalDate.of(2026, 7, 1), LocalTime.of(10, 30)));
    }

    @Test
    void nothingOfferedWhenNotOkOrUnreadable() {
        assertThat(reply("{\"ok\":false,\"alternatives\":[{\"date\":\"2026-11-20\",\"time\":\"15:30\"}]}")
                        .firstOfferedSlot(BERLIN))
                .isEmpty();
        assertThat(reply("plain text").firstOfferedSlot(BERLIN)).isEmpty();
    }

    @Test
    void classifyReadsOkAndRejectsNonJson() {
        assertThat(FunctionReply.classify(new HttpReply(200, "{\"ok\":false}"))).isEqualTo(Outcome.NOT_OK);
        assertThat(FunctionReply.classify(new HttpReply(200, "{\"ok\":true}"))).isEqualTo(Outcome.OK);
        assertThatThrownBy(() -> FunctionReply.classify(new HttpReply(200, "[1]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
