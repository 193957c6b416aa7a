package io.slotline.retell;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.slotline.calls.Calls;
import io.slotline.customers.Customers;
import io.slotline.functions.ContextVariables;
import io.slotline.functions.FunctionDispatcher;
import io.slotline.support.TestTenants;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.RetellAgents;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The web slice of Retell's endpoints: the three controllers behind the real signature filter, with everything
 * else mocked. One context for all three controllers' tests (the same configuration, so Spring builds it once); the
 * tenant a request belongs to is set per test ({@link #servedBy}).
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {
                            InboundCallController.class,
                            FunctionCallController.class,
                            CallWebhookController.class,
                            RetellErrors.class,
                            RetellSignatureFilter.Registration.class
                        }),
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class
        })
@EnableConfigurationProperties(RetellProperties.class)
@Import(RetellWebSlice.FixedClock.class)
@TestPropertySource(properties = "slotline.retell.max-body-bytes=16KB")
@RecordApplicationEvents
abstract class RetellWebSlice {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final String KEY = "key_slice";
    static final TenantContext SALON = new TenantContext(
            TestTenants.company(1, "salon", "Salon"),
            new Branch(2, 1, "Mitte", ZoneId.of("Europe/Berlin"), null, true, null),
            new PhoneNumber(3, 1, 2, "+4930120000", true));

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents published;

    // the signature filter's
    @MockitoBean
    TenantDirectory directory;

    @MockitoBean
    RetellTenants owners;

    @MockitoBean
    RetellMetrics metrics;

    // the controllers'
    @MockitoBean
    ContextVariables variables;

    @MockitoBean
    Customers customers;

    @MockitoBean
    RetellAgents agents;

    @MockitoBean
    FunctionDispatcher dispatcher;

    @MockitoBean
    CallContextResolver contexts;

    @MockitoBean
    Calls calls;

    @MockitoBean
    RetellWebhookEvents events;

    @BeforeEach
    void keys() {
        given(directory.retellApiKeys()).willReturn(List.of(KEY));
        given(directory.retellApiKey(1)).willReturn(Optional.of(KEY));
    }

    /** The request names {@code tenant}'s number (without this it names none we serve). */
    void servedBy(TenantContext tenant) {
        given(owners.of(any(), any())).willReturn(Optional.of(tenant));
    }

    /** A POST signed with the tenant's Retell key, as Retell sends it. */
    static MockHttpServletRequestBuilder signed(String path, String body) {
        return signedWith(KEY, path, body);
    }

    static MockHttpServletRequestBuilder signedWith(String key, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header(RetellSignatureFilter.HEADER, RetellSignature.sign(bytes, key, NOW.toEpochMilli()))
                .content(bytes);
    }
}
