package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.slotline.console.ConsoleViews.CustomerRow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The customers list and a customer's page as a web slice. */
class CustomersControllerTest extends ConsoleWebSlice {

    @Test
    void theSearchReachesTheQueryTrimmed() throws Exception {
        mvc.perform(get("/console/customers").param("q", "  Ada ").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customers"))
                .andExpect(model().attribute("q", "Ada"));
        verify(queries).customers(new Scope(SALON), "Ada", 0, 50);
    }

    @Test
    void aSearchOfMoreThan80CharactersIsABadRequestPage() throws Exception {
        mvc.perform(get("/console/customers").param("q", "a".repeat(81)).with(as(SALON_ACCOUNT)))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("console/error"));
        verify(queries, never()).customers(any(), any(), anyInt(), anyInt());
    }

    @Test
    void aCustomerShowsCallsAppointmentsAndCallbacks() throws Exception {
        CustomerRow ada = new CustomerRow(3, SALON, "Salon Sieben", "Ada", "+4917612345678", null, 2, 1, NOW, NOW);
        given(queries.customer(new Scope(SALON), 3)).willReturn(Optional.of(ada));

        mvc.perform(get("/console/customers/3").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customer"))
                .andExpect(model().attribute("customer", ada));
        verify(queries).appointments(new Scope(SALON), true, NOW, null, null, 3L, 0, 50);
        verify(queries).appointments(new Scope(SALON), false, NOW, null, null, 3L, 0, 50);
        verify(queries).callbacksOf(new Scope(SALON), "customer_id", 3);
    }

    @Test
    void aCustomerOfAnotherCompanyIsNotFound() throws Exception {
        mvc.perform(get("/console/customers/4").with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound())
                .andExpect(view().name("console/error"));
        mvc.perform(get("/console/customers/3").param("company", "8").with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound());
    }
}
