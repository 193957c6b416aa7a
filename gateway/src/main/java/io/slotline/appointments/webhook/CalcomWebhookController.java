package io.slotline.appointments.webhook;

import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookSignature;
import io.slotline.observability.RequestLogContext;
import io.slotline.secrets.SecretDecryptionException;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cal.com booking webhooks. Subscribe each company with the subscriber URL
 * {@code https://<gateway>/calcom/webhook?company=<company slug>} and the company's webhook secret (no custom
 * payload template). The company named in the URL selects the secret; the signature ({@value
 * CalcomWebhookSignature#HEADER}, HMAC-SHA256 over the raw body) proves the rest. An unknown company, a company
 * without secret, a missing or wrong signature: 401 and nothing changes.
 */
@RestController
class CalcomWebhookController {

    private static final Logger log = LoggerFactory.getLogger(CalcomWebhookController.class);

    private final TenantDirectory directory;
    private final BookingSync sync;
    private final Clock clock;

    CalcomWebhookController(TenantDirectory directory, BookingSync sync, Clock clock) {
        this.directory = directory;
        this.sync = sync;
        this.clock = clock;
    }

    @PostMapping("/calcom/webhook")
    ResponseEntity<Map<String, Object>> webhook(
            @RequestParam(name = "company", required = false) @Nullable String slug,
            @RequestHeader(name = CalcomWebhookSignature.HEADER, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        if (slug == null || slug.isBlank()) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "missing_company",
                    "the subscriber URL must name the company: /calcom/webhook?company=<slug>");
        }
        byte[] raw = body != null ? body : new byte[0];
        Optional<Company> company = directory.companyBySlug(slug.trim()).filter(Company::active);
        if (company.isEmpty() || !verified(company.get(), raw, signature)) {
            return error(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_signature",
                    "unknown company or missing/invalid " + CalcomWebhookSignature.HEADER);
        }
        RequestLogContext.company(company.get().slug());
        CalcomWebhookEvent event;
        try {
            event = CalcomWebhookEvent.parse(raw);
        } catch (CalcomWebhookEvent.MalformedPayload e) {
            return error(HttpStatus.BAD_REQUEST, "malformed_webhook", e.getMessage());
        }
        Optional<WebhookSanity.Problem> problem = WebhookSanity.check(event, clock.instant());
        if (problem.isPresent()) {
            log.warn(
                    "Cal.com webhook for {} refused: {}",
                    company.get().slug(),
                    problem.get().message());
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "ok",
                            false,
                            "error",
                            "invalid_webhook",
                            "field",
                            problem.get().field(),
                            "message",
                            problem.get().message()));
        }
        BookingSync.Outcome outcome = sync.apply(company.get(), event);
        log.info("Cal.com {} for booking {}: {}", event.triggerEvent(), event.uid(), outcome);
        return ResponseEntity.ok(Map.of("ok", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private boolean verified(Company company, byte[] raw, @Nullable String signature) {
        Optional<String> secret;
        try {
            secret = directory.calcomWebhookSecret(company.id());
        } catch (SecretDecryptionException e) {
            log.error("The Cal.com webhook secret of {} does not decrypt; its webhooks are refused", company.slug());
            return false;
        }
        if (secret.isEmpty() || secret.get().isBlank()) {
            log.warn("Cal.com webhook for {} refused: no webhook secret configured", company.slug());
            return false;
        }
        return CalcomWebhookSignature.verify(raw, signature, secret.get());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("ok", false, "error", code, "message", message));
    }
}
