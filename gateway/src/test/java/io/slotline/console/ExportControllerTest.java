package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.console.ConsoleViews.CustomerRow;
import io.slotline.console.ConsoleViews.PageOf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV exports as a web slice: a download in UTF-8 with BOM, cells quoted, formulas defused, filters checked. */
class ExportControllerTest extends ConsoleWebSlice {

    @Test
    void customersAreADownloadSpreadsheetsReadSafely() throws Exception {
        given(queries.customers(new Scope(SALON), "Ada", 0, ExportController.MAX_ROWS))
                .willReturn(new PageOf<>(
                        List.of(new CustomerRow(
                                3,
                                SALON,
                                "Salon, Sieben",
                                "=HYPERLINK(\"x\")",
                                "+4917612345678",
                                null,
                                2,
                                1,
                                null,
                                NOW)),
                        0,
                        ExportController.MAX_ROWS,
                        1));

        byte[] csv = mvc.perform(
                        get("/console/export/customers.csv").param("q", " Ada ").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"slotline-customers-2026-11-20.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo(
                        "\uFEFFid,company,name,phone,email,calls,appointments,last_call,created\r\n"
                                + "3,\"Salon, Sieben\",\"'=HYPERLINK(\"\"x\"\")\",+4917612345678,,2,1,,2026-11-20T08:00:00Z\r\n");
    }

    @Test
    void theListsFiltersAreCheckedAsOnTheirPages() throws Exception {
        mvc.perform(get("/console/export/callbacks.csv").param("status", "lost").with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/export/appointments.csv")
                        .param("when", "later")
                        .with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/export/calls.csv").param("status", "lost").with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest());
        verify(queries, never()).callbacks(any(), anyString(), anyInt(), anyInt());
        verify(queries, never()).calls(any(), any(), anyInt(), anyInt());
    }

    @Test
    void anotherCompanysExportIsNotFound() throws Exception {
        mvc.perform(get("/console/export/calls.csv").param("company", "8").with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound());
        verify(queries, never()).calls(any(), any(), anyInt(), anyInt());
    }

    @Test
    void signedOutNothingIsExported() throws Exception {
        mvc.perform(get("/console/export/customers.csv")).andExpect(redirectedUrl("/console/login"));
        verify(queries, never()).customers(any(), any(), anyInt(), anyInt());
    }
}
