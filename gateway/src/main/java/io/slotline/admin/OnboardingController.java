package io.slotline.admin;

import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = AdminConfiguration.API_PREFIX, produces = "application/json")
@Tag(name = "Onboarding", description = "tenant files and Cal.com sync")
class OnboardingController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OnboardingController.class);

    private final TenantFiles tenantFiles;
    private final CalcomSync calcomSync;
    private final CalcomCheck calcomCheck;
    private final CalcomWebhooks calcomWebhooks;
    private final TenantDirectory directory;

    OnboardingController(
            TenantFiles tenantFiles,
            CalcomSync calcomSync,
            CalcomCheck calcomCheck,
            CalcomWebhooks calcomWebhooks,
            TenantDirectory directory) {
        this.tenantFiles = tenantFiles;
        this.calcomSync = calcomSync;
        this.calcomCheck = calcomCheck;
        this.calcomWebhooks = calcomWebhooks;
        this.directory = directory;
    }

    /**
     * Checked in {@link #apply}, not by the mapping's {@code consumes}: a request that matches no mapping is
     * answered by Spring, not by {@link AdminErrors}, so its 415 had no problem body.
     */
    private static final List<MediaType> TENANT_FILE_TYPES =
            MediaType.parseMediaTypes("application/yaml, application/x-yaml, text/yaml, application/json");

    @PostMapping(path = "/tenants/apply")
    @Operation(
            summary = "Apply a tenant file (YAML or JSON): creates what is missing, updates what differs",
            description = "Idempotent: applying the same file again changes nothing. Entities missing from the file "
                    + "are kept. Same format as the demo tenant (classpath:demo/demo-salon.yaml).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(
                                        mediaType = "application/yaml",
                                        schema = @Schema(implementation = TenantFile.class)),
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = TenantFile.class))
                            }))
    TenantFiles.ApplyResult apply(
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            // not required: Spring would refuse an empty body as unreadable JSON before the check below
            @RequestBody(required = false) byte @Nullable [] body,
            @Parameter(description = "report what would change, change nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun)
            throws HttpMediaTypeNotSupportedException {
        requireTenantFileType(contentType);
        if (body == null || body.length == 0) {
            throw AdminException.missing("body");
        }
        try {
            return tenantFiles.apply(TenantFile.read(new ByteArrayInputStream(body)), dryRun);
        } catch (IllegalArgumentException e) {
            throw new AdminException(
                    HttpStatus.BAD_REQUEST, "invalid_tenant_file", null, String.valueOf(e.getMessage()));
        }
    }

    @PostMapping("/companies/{companyId}/calcom/sync")
    @Operation(
            summary = "Create or update the company's services from its Cal.com event types",
            description = "Matches by event type id, then by name. Never deletes: services whose event type is gone "
                    + "are reported as ORPHANED. Hosts who are known staff are linked to the service.")
    CalcomSync.Report sync(
            @PathVariable long companyId,
            @Parameter(description = "report the plan, change nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun) {
        CalcomSync.Report report = calcomSync.sync(companyId, dryRun);
        if (dryRun
                || report.created() == 0
                || directory.calcomWebhookSecret(companyId).isEmpty()) {
            return report;
        }
        // new event types need their webhooks, or bookings made outside the phone never reach us
        try {
            return report.withWebhooks(calcomWebhooks.ensure(companyId, baseUrl(), false));
        } catch (RuntimeException e) {
            log.warn("webhooks of company {} not checked after the sync: {}", companyId, e.getMessage());
            return report;
        }
    }

    @GetMapping("/companies/{companyId}/calcom/check")
    @Operation(
            summary = "Check the company's live Cal.com account for what phone booking needs",
            description = "Key valid, user and teams found, each service's event type listed and bookable by phone, "
                    + "each staff member's own event type, webhooks for every event type, rate-limit headers. "
                    + "Findings in plain words (OK, WARNING, ERROR), each problem with what to fix. Changes nothing.")
    CalcomCheck.Report check(@PathVariable long companyId) {
        return calcomCheck.check(companyId, baseUrl());
    }

    @PostMapping("/companies/{companyId}/calcom/webhooks")
    @Operation(
            summary = "Subscribe the company's webhooks where Cal.com delivers bookings",
            description = "One subscription per team event type behind the services and per managed parent behind "
                    + "the staff members' own event types, with the company's webhook secret; existing ones are "
                    + "verified and kept. User webhooks are not used: Cal.com doesn't send them for team bookings.")
    CalcomWebhooks.Report webhooks(
            @PathVariable long companyId,
            @Parameter(description = "report what would be subscribed, subscribe nothing")
                    @RequestParam(defaultValue = "false")
                    boolean dryRun) {
        return calcomWebhooks.ensure(companyId, baseUrl(), dryRun);
    }

    private static void requireTenantFileType(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (type == null || TENANT_FILE_TYPES.stream().noneMatch(supported -> supported.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, TENANT_FILE_TYPES);
        }
    }

    private static String baseUrl() {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .build()
                .toUriString();
    }
}
