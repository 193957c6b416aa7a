package io.slotline.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security for the console, and only the console: the one filter chain matches /console/** and Spring
 * Security's servlet filter is registered for /console/* alone, so /retell/**, /calcom/webhook, /admin/api/**,
 * /actuator/** and everything else never pass through it (no firewall, no extra headers, no sessions).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    @Bean
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            ConsoleProperties properties,
            ConsoleLocaleResolver locales,
            ConsoleAccounts accounts,
            Clock clock)
            throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                request.getSession().setMaxInactiveInterval((int)
                        properties.sessionTimeout().toSeconds());
                request.getSession().setAttribute(ActiveAccountFilter.SIGNED_IN_AT, clock.instant());
                if (authentication.getPrincipal() instanceof ConsoleUser user && user.language() != null) {
                    locales.remember(request, user.language().locale());
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/console");
        // the provider is a bean, so the global authentication manager has it; adding it here as well would make
        // every failed sign-in count twice (the chain's manager falls back to the global one)
        http.securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, "/console/assets/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .successHandler(success)
                        .failureHandler(ConsoleSecurityConfiguration::failed))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(
                        exceptions -> exceptions.authenticationEntryPoint(ConsoleSecurityConfiguration::signInFirst))
                .logout(logout -> logout.deleteCookies("JSESSIONID"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                // not a bean: as one, Spring Boot would also register it for every URL
                .addFilterAfter(
                        new ActiveAccountFilter(accounts, clock, properties.sessionMaxAge()),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; "
                                                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A signed-out request goes to the sign-in page; one whose session ran out is told so. */
    private static void signInFirst(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        response.sendRedirect(request.getContextPath() + LOGIN + (expired ? "?expired" : ""));
    }

    private static void failed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String query = failure instanceof SignInThrottledException throttled
                ? "?error=throttled&wait=" + Math.max(1, throttled.waitFor().toSeconds())
                : "?error=credentials";
        response.sendRedirect(request.getContextPath() + LOGIN + query);
    }

    /**
     * Spring Boot registers Spring Security's filter for every URL; the console's chain is its only one, so it is
     * registered for /console/* alone and nothing else changes for the other endpoints.
     */
    @Bean
    static BeanPostProcessor consoleOnlySecurityFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && "securityFilterChainRegistration".equals(beanName)) {
                    registration.setUrlPatterns(List.of("/console/*"));
                }
                return bean;
            }
        };
    }
}
