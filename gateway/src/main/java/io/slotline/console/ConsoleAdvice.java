package io.slotline.console;

import io.slotline.console.ConsoleViews.CompanyRef;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every console page shows besides its own content (who is signed in, the company switcher for operators,
 * times in the viewer's zone) and the console's error pages: 404 for anything unknown or of another company, 403
 * for operator-only pages, 400 for unusable filters.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;

    ConsoleAdvice(ConsoleQueries queries, ConsoleViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    @ModelAttribute
    void common(
            @AuthenticationPrincipal @Nullable ConsoleUser me,
            @RequestParam(name = "company", required = false) @Nullable String company,
            Locale locale,
            Model model) {
        if (me == null) {
            return;
        }
        Long requested = companyParam(company);
        // another company's id is the page's own 404; the frame shows the account's own company meanwhile
        Scope scope = me.operator() || requested == null || requested.equals(me.companyId())
                ? me.scope(requested)
                : me.scope(null);
        List<CompanyRef> visible = queries.companies(me.operator() ? new Scope(null) : scope);
        model.addAttribute("me", me);
        model.addAttribute("companies", visible);
        model.addAttribute(
                "selectedCompany",
                scope.companyId() == null
                        ? null
                        : visible.stream()
                                .filter(c -> scope.companyId().equals(c.id()))
                                .findFirst()
                                .orElse(null));
        // links keep an operator's company choice; a company account's pages need none
        model.addAttribute("companyParam", me.operator() ? scope.companyId() : null);
        model.addAttribute("fmt", viewer.formats(scope, locale));
        model.addAttribute("lang", locale.getLanguage());
    }

    static @Nullable Long companyParam(@Nullable String company) {
        if (company == null || company.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(company.trim());
        } catch (NumberFormatException e) {
            throw new ConsoleBadRequestException("company");
        }
    }

    @ExceptionHandler(ConsoleNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return error(response, model, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ConsoleForbiddenException.class)
    String forbidden(HttpServletResponse response, Model model) {
        return error(response, model, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler({
        ConsoleBadRequestException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    String badRequest(HttpServletResponse response, Model model) {
        return error(response, model, HttpStatus.BAD_REQUEST);
    }

    private static String error(HttpServletResponse response, Model model, HttpStatus status) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        return "console/error";
    }
}
