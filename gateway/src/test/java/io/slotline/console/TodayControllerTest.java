package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.slotline.console.ConsoleViews.CalcomTrouble;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Today as a web slice: the company's day in its own zone, and an open Cal.com breaker shown as trouble. */
class TodayControllerTest extends ConsoleWebSlice {

    @Test
    void anOpenBreakerIsTroubleBeforeTodaysFirstFailure() throws Exception {
        CircuitBreaker breaker = mock(CircuitBreaker.class);
        given(breaker.getState()).willReturn(CircuitBreaker.State.OPEN);
        given(breakers.find("salon")).willReturn(Optional.of(breaker));

        TodayController.Today today =
                (TodayController.Today) mvc.perform(get("/console/").with(as(SALON_ACCOUNT)))
                        .andExpect(status().isOk())
                        .andExpect(view().name("console/today"))
                        .andExpect(model().attribute("nav", "today"))
                        .andExpect(model().attribute("day", Instant.parse("2026-11-19T23:00:00Z")))
                        .andReturn()
                        .getModelAndView()
                        .getModel()
                        .get("today");
        assertThat(today.trouble())
                .containsExactly(new CalcomTrouble(SALON, "Salon Sieben", "salon", 0, null, null, "OPEN"));
    }

    @Test
    void signedOutTheSignInPageComesFirst() throws Exception {
        mvc.perform(get("/console")).andExpect(redirectedUrl("/console/login"));
    }
}
