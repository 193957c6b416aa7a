package io.slotline.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session lives on only while its account does: deactivated, deleted, or moved to another company or role since
 * signing in ends the session at the next request; so does a session older than the maximum age.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = ActiveAccountFilter.class.getName() + ".signedInAt";

    private final ConsoleAccounts accounts;
    private final Clock clock;
    private final Duration maxAge;

    ActiveAccountFilter(ConsoleAccounts accounts, Clock clock, Duration maxAge) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
            Optional<ConsoleAccount> account = accounts.byId(user.accountId()).map(ConsoleAccounts.Stored::account);
            boolean valid = account.filter(ConsoleAccount::active)
                    .filter(current ->
                            current.role() == user.role() && Objects.equals(current.companyId(), user.companyId()))
                    .isPresent();
            HttpSession current = request.getSession(false);
            if (current != null
                    && current.getAttribute(SIGNED_IN_AT) instanceof Instant signedIn
                    && signedIn.plus(maxAge).isBefore(clock.instant())) {
                valid = false;
            }
            if (!valid) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
