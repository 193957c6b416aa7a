package io.slotline.console;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySecret;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A company's setup as the gateway sees it: branches with their numbers, services with who performs them, staff,
 * policies, console accounts; the Cal.com event-type sync (preview, then apply); the Retell tool definitions; for
 * operators the company's keys (write-only: only hints are shown).
 */
@Controller
class SetupController {

    private static final int MAX_SECRET = 500;

    private final TenantDirectory directory;
    private final SetupOperations operations;
    private final ConsoleAccountService accounts;

    SetupController(TenantDirectory directory, SetupOperations operations, ConsoleAccountService accounts) {
        this.directory = directory;
        this.operations = operations;
        this.accounts = accounts;
    }

    record ServiceLine(Service service, List<String> staff) {}

    @GetMapping("/console/setup")
    String setup(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        model.addAttribute("nav", "setup");
        if (scope.all()) {
            // an operator picks the company first (the switcher, or the list on the page)
            return "console/setup";
        }
        long companyId = scope.company();
        Company shown = directory.companyUncached(companyId).orElseThrow(ConsoleNotFoundException::new);
        Map<Long, String> staffNames = new LinkedHashMap<>();
        List<Staff> staff = directory.allStaff(companyId);
        staff.forEach(member -> staffNames.put(member.id(), member.name()));
        model.addAttribute("company", shown);
        model.addAttribute("branches", directory.allBranches(companyId));
        model.addAttribute("numbers", directory.allPhoneNumbers(companyId));
        model.addAttribute(
                "services",
                directory.allServices(companyId).stream()
                        .map(service -> new ServiceLine(
                                service,
                                directory.linkedStaffIds(companyId, service.id()).stream()
                                        .map(id -> staffNames.getOrDefault(id, "#" + id))
                                        .toList()))
                        .toList());
        model.addAttribute("staff", staff);
        model.addAttribute(
                "branchNames",
                directory.allBranches(companyId).stream()
                        .collect(java.util.stream.Collectors.toMap(b -> b.id(), b -> b.name())));
        model.addAttribute("accounts", accounts.list(companyId));
        model.addAttribute("tools", operations.retellToolsJson());
        if (me.operator()) {
            Map<String, String> hints = new LinkedHashMap<>();
            Map<CompanySecret, String> stored = directory.secretHints(companyId);
            for (CompanySecret secret : CompanySecret.values()) {
                hints.put(secret.name(), stored.get(secret));
            }
            model.addAttribute("hints", hints);
        }
        return "console/setup";
    }

    @PostMapping("/console/setup/{companyId}/sync")
    String sync(
            @AuthenticationPrincipal ConsoleUser me,
            @PathVariable long companyId,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(required = false) @Nullable String company,
            RedirectAttributes redirect) {
        Scope scope = me.scope(companyId(me, companyId));
        redirect.addFlashAttribute("sync", operations.calcomSync(scope.company(), dryRun));
        return "redirect:/console/setup" + (me.operator() ? "?company=" + companyId : "") + "#sync";
    }

    @PostMapping("/console/setup/{companyId}/keys")
    String keys(
            @AuthenticationPrincipal ConsoleUser me,
            @PathVariable long companyId,
            @RequestParam(required = false) @Nullable String calcomApiKey,
            @RequestParam(required = false) @Nullable String calcomWebhookSecret,
            @RequestParam(required = false) @Nullable String retellApiKey,
            RedirectAttributes redirect) {
        if (!me.operator()) {
            throw new ConsoleForbiddenException();
        }
        directory.companyUncached(companyId).orElseThrow(ConsoleNotFoundException::new);
        int changed = 0;
        changed += set(companyId, CompanySecret.CALCOM_API_KEY, calcomApiKey);
        changed += set(companyId, CompanySecret.CALCOM_WEBHOOK_SECRET, calcomWebhookSecret);
        changed += set(companyId, CompanySecret.RETELL_API_KEY, retellApiKey);
        redirect.addFlashAttribute("keysChanged", changed);
        return "redirect:/console/setup?company=" + companyId + "#keys";
    }

    /** A company account may only name its own company; anything else is a 404. */
    private static Long companyId(ConsoleUser me, long companyId) {
        if (!me.sees(companyId)) {
            throw new ConsoleNotFoundException();
        }
        return companyId;
    }

    /** Blank keeps the stored secret (the form never shows it); anything else replaces it. */
    private int set(long companyId, CompanySecret secret, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String clean = value.strip();
        if (clean.length() > MAX_SECRET || clean.chars().anyMatch(Character::isWhitespace)) {
            throw new ConsoleBadRequestException(secret.name());
        }
        directory.setSecret(companyId, secret, clean);
        return 1;
    }
}
