package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.slotline.console.ConsoleQueries.CallFilter;
import io.slotline.console.ConsoleViews.CallRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calls list and a call's page as a web slice: the filters as they reach the query, and the refusals. */
class CallsControllerTest extends ConsoleWebSlice {

    @Test
    void theFormsFiltersReachTheQueryCleanedUp() throws Exception {
        mvc.perform(get("/console/calls")
                        .param("day", "2026-11-19")
                        .param("status", " Ended ")
                        .param("outcome", "booked")
                        .param("caller", "+49 30-12")
                        .with(as(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/calls"))
                .andExpect(model().attribute("nav", "calls"))
                .andExpect(model().attribute(
                                "filters", new CallsController.Filters("2026-11-19", "Ended", "booked", "+49 30-12")));
        // the operator sees all companies: the day is the console's zone's (Europe/Berlin)
        verify(queries)
                .calls(
                        new Scope(null),
                        new CallFilter(
                                Instant.parse("2026-11-18T23:00:00Z"),
                                Instant.parse("2026-11-19T23:00:00Z"),
                                "ended",
                                CallOutcome.BOOKED,
                                "+493012"),
                        0,
                        50);
    }

    @Test
    void unusableFiltersAreABadRequestPage() throws Exception {
        for (String[] filter : List.of(
                new String[] {"status", "lost"},
                new String[] {"caller", "<script>"},
                new String[] {"day", "yesterday"},
                new String[] {"page", "-1"},
                new String[] {"page", "two"},
                new String[] {"company", "salon"})) {
            mvc.perform(get("/console/calls").param(filter[0], filter[1]).with(as(OPERATOR)))
                    .andExpect(status().isBadRequest())
                    .andExpect(view().name("console/error"))
                    .andExpect(model().attribute("status", 400));
        }
        verify(queries, never()).calls(any(), any(), anyInt(), anyInt());
    }

    @Test
    void aCompanyAccountSeesOnlyItsOwnCompany() throws Exception {
        mvc.perform(get("/console/calls").with(as(SALON_ACCOUNT))).andExpect(status().isOk());
        verify(queries).calls(new Scope(SALON), new CallFilter(null, null, null, null, null), 0, 50);

        mvc.perform(get("/console/calls").param("company", "8").with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound())
                .andExpect(view().name("console/error"));
    }

    @Test
    void aCallShowsItsTimeline() throws Exception {
        CallRow call = new CallRow(
                5,
                "call_abc",
                SALON,
                "Salon Sieben",
                "+4917612345678",
                "+4930120000",
                "Ada",
                3L,
                "ended",
                NOW,
                NOW.plusSeconds(90),
                "user_hangup",
                "Booked a haircut.",
                "Positive",
                true,
                2,
                "book_appointment",
                "booked",
                NOW);
        given(queries.call(new Scope(SALON), 5)).willReturn(Optional.of(call));

        mvc.perform(get("/console/calls/5").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/call"))
                .andExpect(model().attribute("call", call));
        verify(queries).functionCalls(SALON, "call_abc");
    }

    @Test
    void anUnknownCallIsNotFound() throws Exception {
        mvc.perform(get("/console/calls/6").with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound())
                .andExpect(view().name("console/error"));
    }

    @Test
    void signedOutTheSignInPageComesFirst() throws Exception {
        mvc.perform(get("/console/calls")).andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
        verify(queries, never()).calls(any(), any(), anyInt(), anyInt());
    }
}
