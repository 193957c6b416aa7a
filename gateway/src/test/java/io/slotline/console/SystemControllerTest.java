package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.availability.AvailabilityMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The system page as a web slice: operators only; Cal.com accounts, the cache's hit rate and Slotline's meters. */
class SystemControllerTest extends ConsoleWebSlice {

    @Autowired
    MeterRegistry meters;

    @Test
    void anOperatorSeesEachAccountTheCacheAndTheMeters() throws Exception {
        meters.counter(AvailabilityMetrics.AVAILABILITY_CACHE, "result", "hit").increment(2);
        meters.counter(AvailabilityMetrics.AVAILABILITY_CACHE, "result", "stale")
                .increment(1);
        meters.counter(AvailabilityMetrics.AVAILABILITY_CACHE, "result", "miss").increment(1);

        Map<String, Object> model = mvc.perform(get("/console/system").with(as(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/system"))
                .andReturn()
                .getModelAndView()
                .getModel();
        assertThat(model.get("accounts"))
                .isEqualTo(java.util.List.of(
                        new SystemController.Account("Salon Sieben", "salon", "CLOSED", -1f, 0, 100, null, null)));
        assertThat(model.get("cache")).isEqualTo(new SystemController.CacheRate(2, 1, 1, 75.0));
        assertThat(model.get("meters").toString()).contains("slotline.availability.cache", "result=hit");
    }

    @Test
    void aCompanyAccountIsForbidden() throws Exception {
        mvc.perform(get("/console/system").with(as(SALON_ACCOUNT)))
                .andExpect(status().isForbidden())
                .andExpect(view().name("console/error"));
    }
}
