package io.slotline.console;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Callback requests: open ones oldest first, done ones with who did them and the note they left. */
@Controller
class CallbacksController {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_NOTE = 2000;

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;

    CallbacksController(ConsoleQueries queries, ConsoleViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    @GetMapping("/console/callbacks")
    String callbacks(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        String wanted = status.trim().toLowerCase(Locale.ROOT);
        if (!wanted.equals("open") && !wanted.equals("done") || page < 0) {
            throw new ConsoleBadRequestException("status");
        }
        model.addAttribute("callbacks", queries.callbacks(scope, wanted, page, PAGE_SIZE));
        model.addAttribute("status", wanted);
        model.addAttribute("nav", "callbacks");
        return "console/callbacks";
    }

    /** Marks the request done with an optional note; done already (or by someone else meanwhile) keeps the first. */
    @PostMapping("/console/callbacks/{id}/done")
    String done(
            @AuthenticationPrincipal ConsoleUser me,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String note,
            @RequestHeader(name = "Referer", required = false) @Nullable String referer) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        queries.callback(scope, id).orElseThrow(ConsoleNotFoundException::new);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new ConsoleBadRequestException("note");
        }
        queries.markCallbackDone(scope, id, me.username(), cleanNote, viewer.now());
        return "redirect:" + back(referer, company);
    }

    /** Back to the console page the form was on (same origin paths only), else Today. */
    static String back(@Nullable String referer, @Nullable String company) {
        if (referer != null) {
            try {
                java.net.URI uri = java.net.URI.create(referer);
                String path = uri.getRawPath();
                if (path != null
                        && (path.equals("/console") || path.startsWith("/console/"))
                        && !path.startsWith("/console/login")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // not a URI: go to Today
            }
        }
        return "/console" + (company == null || company.isBlank() ? "" : "?company=" + company.trim());
    }
}
