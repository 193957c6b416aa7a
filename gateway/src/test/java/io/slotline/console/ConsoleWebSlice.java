package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.calcom.CalcomResilienceProperties;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.console.ConsoleViews.CompanyRef;
import io.slotline.console.ConsoleViews.PageOf;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web slice of the console: its controllers, its advice, its security chain and locale handling, with the
 * queries and everything behind them mocked. One context for every console controller's test (the same
 * configuration, so Spring builds it once); a request is signed in as {@link #OPERATOR} or {@link #SALON_ACCOUNT}
 * with {@link #as}.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {
                            AppointmentsController.class,
                            CallbacksController.class,
                            CallsController.class,
                            CustomersController.class,
                            ExportController.class,
                            LiveController.class,
                            SetupController.class,
                            SignInController.class,
                            SystemController.class,
                            TodayController.class,
                            ConsoleAdvice.class,
                            ConsoleViewer.class,
                            ConsoleSecurityConfiguration.class,
                            ConsoleWebConfiguration.class
                        }))
@EnableConfigurationProperties({ConsoleProperties.class, CalcomResilienceProperties.class})
@Import(ConsoleWebSlice.Fixed.class)
abstract class ConsoleWebSlice {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final long SALON = 7;
    static final ConsoleUser OPERATOR = new ConsoleUser(1, "ops", AccountRole.OPERATOR, null, Language.EN);
    static final ConsoleUser SALON_ACCOUNT = new ConsoleUser(2, "salon", AccountRole.COMPANY, SALON, Language.EN);
    static final CompanyRef SALON_REF = new CompanyRef(SALON, "salon", "Salon Sieben");

    @TestConfiguration
    static class Fixed {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConsoleQueries queries;

    @MockitoBean
    ConsoleAccounts accounts;

    @MockitoBean
    TenantDirectory directory;

    @MockitoBean
    ConsoleAccountService accountService;

    @MockitoBean
    SetupOperations operations;

    @MockitoBean
    LiveFeed feed;

    @MockitoBean
    ResilientCalcomApi calcom;

    @MockitoBean
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void signedInAccountsAndEmptyLists() {
        for (ConsoleUser user : List.of(OPERATOR, SALON_ACCOUNT)) {
            ConsoleAccount account = new ConsoleAccount(
                    user.accountId(),
                    user.username(),
                    user.role(),
                    user.companyId(),
                    user.language(),
                    true,
                    NOW,
                    NOW,
                    NOW);
            given(accounts.byId(user.accountId())).willReturn(Optional.of(new ConsoleAccounts.Stored(account, "x")));
        }
        given(queries.companies(any())).willReturn(List.of(SALON_REF));
        given(queries.calls(any(), any(), anyInt(), anyInt())).willReturn(empty());
        given(queries.appointments(any(), anyBoolean(), any(), any(), any(), any(), anyInt(), anyInt()))
                .willReturn(empty());
        given(queries.callbacks(any(), any(), anyInt(), anyInt())).willReturn(empty());
        given(queries.customers(any(), any(), anyInt(), anyInt())).willReturn(empty());
    }

    /** The request as sent in {@code user}'s session. */
    static RequestPostProcessor as(ConsoleUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
    }

    static <T> PageOf<T> empty() {
        return new PageOf<>(List.of(), 0, 50, 0);
    }
}
