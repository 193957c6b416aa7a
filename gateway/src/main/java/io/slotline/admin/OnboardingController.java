package io.slotline.admin;

import java.io.ByteArrayInputStream;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.slotline.tenancy.TenantFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = AdminConfiguration.API_PREFIX, produces = "application/json")
@Tag(name = "Onboarding", description = "tenant files and Cal.com sync")
class OnboardingController {

    private final TenantFiles tenantFiles;
    private final CalcomSync calcomSync;

    OnboardingController(TenantFiles tenantFiles, CalcomSync calcomSync) {
        this.tenantFiles = tenantFiles;
        this.calcomSync = calcomSync;
    }

    @PostMapping(path = "/tenants/apply",
            consumes = { "application/yaml", "application/x-yaml", "text/yaml", "application/json" })
    @Operation(summary = "Apply a tenant file (YAML or JSON): creates what is missing, updates what differs",
            description = "Idempotent: applying the same file again changes nothing. Entities missing from the file "
                    + "are kept. Same format as the demo tenant (classpath:demo/demo-salon.yaml).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/yaml", schema = @Schema(implementation = TenantFile.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = TenantFile.class)) }))
    TenantFiles.ApplyResult apply(@RequestBody byte[] body,
            @Parameter(description = "report what would change, change nothing")
            @RequestParam(defaultValue = "false") boolean dryRun) {
        if (body.length == 0) {
            throw AdminException.missing("body");
        }
        try {
            return tenantFiles.apply(TenantFile.read(new ByteArrayInputStream(body)), dryRun);
        }
        catch (IllegalArgumentException e) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "invalid_tenant_file", null, String.valueOf(e.getMessage()));
        }
    }

    @PostMapping("/companies/{companyId}/calcom/sync")
    @Operation(summary = "Create or update the company's services from its Cal.com event types",
            description = "Matches by event type id, then by name. Never deletes: services whose event type is gone "
                    + "are reported as ORPHANED. Hosts who are known staff are linked to the service.")
    CalcomSync.Report sync(@PathVariable long companyId,
            @Parameter(description = "report the plan, change nothing") @RequestParam(defaultValue = "false")
            boolean dryRun) {
        return calcomSync.sync(companyId, dryRun);
    }
}
