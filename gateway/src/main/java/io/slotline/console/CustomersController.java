package io.slotline.console;

import io.slotline.console.ConsoleViews.CustomerRow;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Customers (people who called), searchable by name, number or email; a customer's calls and appointments. */
@Controller
class CustomersController {

    private static final int PAGE_SIZE = 50;

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;

    CustomersController(ConsoleQueries queries, ConsoleViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    @GetMapping("/console/customers")
    String customers(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        String search = CallsController.blankToNull(q);
        if (search != null && search.length() > 80 || page < 0) {
            throw new ConsoleBadRequestException("q");
        }
        model.addAttribute("customers", queries.customers(scope, search, page, PAGE_SIZE));
        model.addAttribute("q", search);
        model.addAttribute("nav", "customers");
        return "console/customers";
    }

    @GetMapping("/console/customers/{id}")
    String customer(
            @AuthenticationPrincipal ConsoleUser me,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String company,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        CustomerRow customer = queries.customer(scope, id).orElseThrow(ConsoleNotFoundException::new);
        model.addAttribute("customer", customer);
        model.addAttribute("calls", queries.callsOfCustomer(scope, id, 50));
        model.addAttribute(
                "upcoming",
                queries.appointments(scope, true, viewer.now(), null, null, id, 0, 50)
                        .items());
        model.addAttribute(
                "past",
                queries.appointments(scope, false, viewer.now(), null, null, id, 0, 50)
                        .items());
        model.addAttribute("callbacks", queries.callbacksOf(scope, "customer_id", id));
        model.addAttribute("nav", "customers");
        return "console/customer";
    }
}
