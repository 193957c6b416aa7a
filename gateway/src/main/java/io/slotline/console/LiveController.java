package io.slotline.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event stream behind Today's live parts; the browser reconnects by itself when a stream ends. */
@Controller
class LiveController {

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

    private final LiveFeed feed;

    LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/console/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            Locale locale,
            HttpServletRequest request) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        return feed.subscribe(
                new LiveFeed.Viewer(scope, me.operator(), locale, request.getContextPath()),
                STREAM_LIFETIME.toMillis());
    }
}
