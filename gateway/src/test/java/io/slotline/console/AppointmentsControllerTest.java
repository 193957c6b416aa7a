package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The appointments list as a web slice: its filters reach the query, anything else is a 400 page. */
class AppointmentsControllerTest extends ConsoleWebSlice {

    @Test
    void pastPhoneBookingsOfTheAccountsCompany() throws Exception {
        mvc.perform(get("/console/appointments")
                        .param("when", " Past ")
                        .param("source", "phone")
                        .param("status", "cancelled")
                        .param("page", "2")
                        .with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/appointments"))
                .andExpect(
                        model().attribute("filters", new AppointmentsController.Filters("past", "phone", "cancelled")))
                .andExpect(model().attribute("sources", List.of("admin", "calcom", "phone")));
        verify(queries).appointments(new Scope(SALON), false, NOW, "phone", "cancelled", null, 2, 50);
    }

    @Test
    void upcomingIsTheDefault() throws Exception {
        mvc.perform(get("/console/appointments").with(as(OPERATOR))).andExpect(status().isOk());
        verify(queries).appointments(new Scope(null), true, NOW, null, null, null, 0, 50);
    }

    @Test
    void anUnknownWhenSourceOrStatusIsABadRequestPage() throws Exception {
        for (String[] filter : List.of(
                new String[] {"when", "later"},
                new String[] {"source", "web"},
                new String[] {"status", "lost"},
                new String[] {"page", "-1"})) {
            mvc.perform(get("/console/appointments").param(filter[0], filter[1]).with(as(OPERATOR)))
                    .andExpect(status().isBadRequest())
                    .andExpect(view().name("console/error"));
        }
        verify(queries, never()).appointments(any(), anyBoolean(), any(), any(), any(), any(), anyInt(), anyInt());
    }
}
