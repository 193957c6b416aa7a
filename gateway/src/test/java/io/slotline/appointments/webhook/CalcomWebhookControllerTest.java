package io.slotline.appointments.webhook;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.calcom.CalcomWebhookSignature;
import io.slotline.support.TestTenants;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /calcom/webhook} alone (a web slice, the directory and the booking sync mocked): which requests reach
 * the sync, and what Cal.com is answered.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CalcomWebhookController.class),
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
class CalcomWebhookControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final String SECRET = "whsec_slice";
    private static final Company SALON = TestTenants.company(1, "salon", "Salon");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TenantDirectory directory;

    @MockitoBean
    BookingSync sync;

    private final byte[] created = """
            {"triggerEvent":"BOOKING_CREATED","createdAt":"2026-11-20T07:59:00Z","payload":{"uid":"bk_1",
             "eventTypeId":1001,"startTime":"2026-11-23T09:00:00Z","endTime":"2026-11-23T09:30:00Z",
             "status":"ACCEPTED","organizer":{"username":"anna-demo","timeZone":"Europe/Berlin"},
             "attendees":[{"name":"Web Kunde","email":"web@example.com"}]}}
            """.getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void salon() {
        given(directory.companyBySlug("salon")).willReturn(Optional.of(SALON));
        given(directory.calcomWebhookSecret(1)).willReturn(Optional.of(SECRET));
    }

    @Test
    void aSignedBookingOfAKnownCompanyReachesTheSync() throws Exception {
        given(sync.apply(eq(SALON), any())).willReturn(BookingSync.Outcome.PROCESSED);

        mvc.perform(post("/calcom/webhook")
                        .param("company", "salon")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(CalcomWebhookSignature.HEADER, CalcomWebhookSignature.sign(created, SECRET))
                        .content(created))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.outcome").value("processed"));
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingIsSynced() throws Exception {
        mvc.perform(post("/calcom/webhook")
                        .param("company", "salon")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(CalcomWebhookSignature.HEADER, CalcomWebhookSignature.sign(created, "whsec_other"))
                        .content(created))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_signature"));

        verify(sync, never()).apply(any(), any());
    }

    @Test
    void anUnknownCompanyIsRefusedLikeAWrongSignature() throws Exception {
        mvc.perform(post("/calcom/webhook")
                        .param("company", "nobody")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(CalcomWebhookSignature.HEADER, CalcomWebhookSignature.sign(created, SECRET))
                        .content(created))
                .andExpect(status().isUnauthorized());

        verify(sync, never()).apply(any(), any());
    }

    @Test
    void aSubscriberUrlWithoutCompanyIsABadRequest() throws Exception {
        mvc.perform(post("/calcom/webhook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(created))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_company"));
    }
}
