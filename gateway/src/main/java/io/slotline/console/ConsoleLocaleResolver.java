package io.slotline.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The application's locale resolver (bean "localeResolver"). Outside /console it is Spring's default (the
 * Accept-Language header), so nothing else changes. In the console: the language chosen in this session (the
 * {@code lang} parameter, or the account's language at sign-in), else the browser's first of German and English,
 * else English.
 */
class ConsoleLocaleResolver extends AcceptHeaderLocaleResolver {

    private static final String SESSION_LOCALE = ConsoleLocaleResolver.class.getName() + ".locale";
    static final Locale GERMAN = Locale.GERMAN;
    static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!console(request)) {
            return super.resolveLocale(request);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_LOCALE) instanceof Locale chosen) {
            return chosen;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            Locale supported = supported(locale.getLanguage());
            if (supported != null) {
                return supported;
            }
        }
        return ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (!console(request)) {
            super.setLocale(request, response, locale);
            return;
        }
        if (locale != null) {
            remember(request, locale);
        }
    }

    void remember(HttpServletRequest request, Locale locale) {
        Locale supported = supported(locale.getLanguage());
        if (supported != null) {
            request.getSession().setAttribute(SESSION_LOCALE, supported);
        }
    }

    private static @Nullable Locale supported(String language) {
        return switch (language) {
            case "de" -> GERMAN;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    private static boolean console(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/console") || path.startsWith("/console/");
    }
}
