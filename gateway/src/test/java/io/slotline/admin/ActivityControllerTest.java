package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.admin.ActivityViews.CallView;
import io.slotline.admin.ActivityViews.CallbackView;
import io.slotline.calls.FunctionCall;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;

/**
 * The activity lists of the admin API alone (a web slice, the queries and logs mocked): the filters are checked
 * before anything is asked, a bad one is a problem naming its parameter, and a call's function log is shown with
 * its arguments as JSON.
 */
class ActivityControllerTest extends AdminWebSlice {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theFiltersArriveParsed() throws Exception {
        given(queries.calls(any())).willReturn(new Page<>(List.of(call()), 1, 20, 21));

        mvc.perform(get("/admin/api/calls")
                        .param("companyId", "3")
                        .param("from", "2026-03-01")
                        .param("to", "2026-03-01")
                        .param("status", " Ended ")
                        .param("phone", "+49 30-1234")
                        .param("page", "1")
                        .param("size", "20")
                        .header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].retellCallId").value("call_abc"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").value(21));
        ArgumentCaptor<ActivityFilter> filter = ArgumentCaptor.forClass(ActivityFilter.class);
        verify(queries).calls(filter.capture());
        assertThat(filter.getValue())
                .isEqualTo(new ActivityFilter(
                        3L,
                        Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-02T00:00:00Z"),
                        "ended",
                        "+49301234",
                        1,
                        20));
    }

    @Test
    void anUnknownStatusIsRefusedWithTheListsStatuses() throws Exception {
        mvc.perform(get("/admin/api/appointments").param("status", "lost").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("status"))
                .andExpect(jsonPath("$.detail")
                        .value("status must be one of booked, cancelled, pending, rejected, rescheduled"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPhoneFilterThatIsNoNumberIsRefused() throws Exception {
        mvc.perform(get("/admin/api/customers").param("phone", "anna").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("phone"))
                .andExpect(jsonPath("$.detail").value("phone must be digits, optionally with a leading +"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPageThatIsNoNumberIsABadRequestNotAServerError() throws Exception {
        mvc.perform(get("/admin/api/callback-requests").param("page", "two").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("page"))
                .andExpect(jsonPath("$.detail").value("page must be an integer"));
    }

    @Test
    void aSizeAboveTheLimitAndAnEmptyWindowAreRefused() throws Exception {
        mvc.perform(get("/admin/api/calls").param("size", "201").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/admin/api/calls")
                        .param("from", "2026-03-02T10:00:00Z")
                        .param("to", "2026-03-02T09:00:00Z")
                        .header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/admin/api/calls").param("from", "yesterday").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        verifyNoInteractions(queries);
    }

    @Test
    void aCallShowsItsFunctionsWithTheirArgumentsAsJson() throws Exception {
        given(queries.call(9)).willReturn(Optional.of(call()));
        given(functionCalls.byCall(3, "call_abc"))
                .willReturn(List.of(
                        new FunctionCall(
                                1,
                                3,
                                "call_abc",
                                "check_availability",
                                "tool_1",
                                "{\"date\":\"2026-03-03\"}",
                                true,
                                "available",
                                null,
                                120,
                                1,
                                NOW),
                        // cut off at the column's length: no longer JSON
                        new FunctionCall(
                                2,
                                3,
                                "call_abc",
                                "book_appointment",
                                null,
                                "{\"date\":\"2026-",
                                false,
                                "error",
                                "x",
                                80,
                                0,
                                NOW)));

        mvc.perform(get("/admin/api/calls/9").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call.functionCalls").value(2))
                .andExpect(jsonPath("$.functionCalls[0].args.date").value("2026-03-03"))
                .andExpect(jsonPath("$.functionCalls[1].args").value("{\"date\":\"2026-"));
    }

    @Test
    void anUnknownCallIsANotFoundProblem() throws Exception {
        given(queries.call(10)).willReturn(Optional.empty());

        mvc.perform(get("/admin/api/calls/10").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.detail").value("call 10 not found"));
    }

    @Test
    void aCallbackRequestIsMarkedDoneInItsCompany() throws Exception {
        given(queries.callbackRequest(5)).willReturn(Optional.of(callback("open")), Optional.of(callback("done")));

        mvc.perform(post("/admin/api/callback-requests/5/done").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("done"));
        verify(callbackRequests).markDone(3, 5);
    }

    @Test
    void anUnknownCallbackRequestIsNotMarked() throws Exception {
        given(queries.callbackRequest(6)).willReturn(Optional.empty());

        mvc.perform(post("/admin/api/callback-requests/6/done").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("callback request 6 not found"));
        verify(callbackRequests, never()).markDone(anyLong(), anyLong());
    }

    @Test
    void withoutTheTokenNoListIsRead() throws Exception {
        mvc.perform(get("/admin/api/calls").header("Authorization", "Bearer not-the-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.detail").value("admin token is not valid"));
        verifyNoInteractions(queries);
    }

    private static CallView call() {
        return new CallView(
                9,
                "call_abc",
                3,
                "salon",
                null,
                null,
                "agent_1",
                "+4930111",
                "+4930222",
                "inbound",
                "ended",
                NOW,
                NOW.plusSeconds(90),
                "user_hangup",
                null,
                null,
                null,
                null,
                null,
                0,
                NOW);
    }

    private static CallbackView callback(String status) {
        return new CallbackView(
                5, 3, "salon", null, null, null, "Ada", "+4930111", "wants a call", null, status, null, null, NOW);
    }
}
