package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.slotline.console.ConsoleViews.CallbackRow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Callback requests as a web slice: the list's status filter, and marking one done (CSRF, note, way back). */
class CallbacksControllerTest extends ConsoleWebSlice {

    private static final CallbackRow OPEN = new CallbackRow(
            9,
            SALON,
            "Salon Sieben",
            null,
            null,
            "Ada",
            "+4917612345678",
            "wants a call",
            null,
            "open",
            NOW,
            null,
            null,
            null);

    @Test
    void doneRequestsAreListedWhenAsked() throws Exception {
        mvc.perform(get("/console/callbacks").param("status", "DONE").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/callbacks"))
                .andExpect(model().attribute("status", "done"));
        verify(queries).callbacks(new Scope(SALON), "done", 0, 50);
    }

    @Test
    void anUnknownStatusIsABadRequestPage() throws Exception {
        mvc.perform(get("/console/callbacks").param("status", "lost").with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("console/error"));
    }

    @Test
    void markingDoneKeepsWhoAndTheNoteAndGoesBackToTheConsolePage() throws Exception {
        given(queries.callback(new Scope(SALON), 9)).willReturn(Optional.of(OPEN));

        mvc.perform(post("/console/callbacks/9/done")
                        .param("note", "  called back, booked  ")
                        .header("Referer", "https://elsewhere.example/console/calls?day=2026-11-20")
                        .with(csrf())
                        .with(as(SALON_ACCOUNT)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/calls?day=2026-11-20"));
        verify(queries).markCallbackDone(new Scope(SALON), 9, "salon", "called back, booked", NOW);
    }

    @Test
    void aRefererOutsideTheConsoleLeadsToToday() throws Exception {
        given(queries.callback(new Scope(SALON), 9)).willReturn(Optional.of(OPEN));

        mvc.perform(post("/console/callbacks/9/done")
                        .header("Referer", "https://elsewhere.example/phish")
                        .with(csrf())
                        .with(as(SALON_ACCOUNT)))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void aNoteOver2000CharactersIsRefused() throws Exception {
        given(queries.callback(new Scope(SALON), 9)).willReturn(Optional.of(OPEN));

        mvc.perform(post("/console/callbacks/9/done")
                        .param("note", "x".repeat(2001))
                        .with(csrf())
                        .with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("console/error"));
        verify(queries, never()).markCallbackDone(any(), anyLong(), anyString(), any(), any());
    }

    @Test
    void anUnknownRequestIsNotFoundAndNothingIsMarked() throws Exception {
        mvc.perform(post("/console/callbacks/10/done").with(csrf()).with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound());
        verify(queries, never()).markCallbackDone(any(), anyLong(), anyString(), any(), any());
    }

    @Test
    void withoutTheCsrfTokenNothingIsMarked() throws Exception {
        given(queries.callback(new Scope(SALON), 9)).willReturn(Optional.of(OPEN));

        mvc.perform(post("/console/callbacks/9/done").with(as(SALON_ACCOUNT))).andExpect(status().isForbidden());
        verify(queries, never()).markCallbackDone(any(), anyLong(), anyString(), any(), any());
    }
}
