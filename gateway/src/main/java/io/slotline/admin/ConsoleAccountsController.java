package io.slotline.admin;

import io.slotline.console.AccountRole;
import io.slotline.console.ConsoleAccount;
import io.slotline.console.ConsoleAccountException;
import io.slotline.console.ConsoleAccountService;
import io.slotline.tenancy.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console sign-ins: operators (every company) and company accounts (one company). Passwords are write-only and
 * stored hashed; DELETE deactivates (the account can no longer sign in, its sessions end at their next request).
 */
@RestController
@RequestMapping(path = AdminConfiguration.API_PREFIX + "/console-accounts", produces = "application/json")
@Tag(name = "Console accounts", description = "who may sign in to /console and what they see")
class ConsoleAccountsController {

    private final ConsoleAccountService accounts;

    ConsoleAccountsController(ConsoleAccountService accounts) {
        this.accounts = accounts;
    }

    @Schema(name = "ConsoleAccount")
    record AccountView(
            long id,
            String username,
            String role,
            @Nullable Long companyId,
            @Nullable String language,
            boolean active,
            java.time.@Nullable Instant lastSignInAt,
            java.time.Instant createdAt) {

        static AccountView of(ConsoleAccount account) {
            return new AccountView(
                    account.id(),
                    account.username(),
                    account.role().code(),
                    account.companyId(),
                    account.language() == null ? null : account.language().code(),
                    account.active(),
                    account.lastSignInAt(),
                    account.createdAt());
        }
    }

    @Schema(name = "NewConsoleAccount")
    record NewAccount(
            @Schema(description = "3-80 characters: letters, digits, . _ @ -; case is ignored")
            String username,

            @Schema(description = "10-128 characters, stored hashed (bcrypt)") @Nullable String password,

            @Schema(description = "instead of password: an encoded one, e.g. {bcrypt}$2a$10$...") @Nullable String passwordHash,

            @Schema(description = "operator (every company) or company (companyId only)")
            String role,

            @Nullable Long companyId,

            @Schema(description = "de or en; none: the browser's") @Nullable String language,

            @Nullable Boolean active)
            implements AdminRequest {

        @Override
        public String toString() {
            return "NewAccount[" + username + "]";
        }
    }

    @Schema(name = "ConsoleAccountChange")
    record AccountChange(
            @Nullable String password,
            @Nullable String passwordHash,
            @Nullable String language,
            @Nullable Boolean active)
            implements AdminRequest {

        @Override
        public String toString() {
            return "AccountChange[***]";
        }
    }

    @GetMapping
    @Operation(summary = "Console accounts, by username; companyId lists one company's")
    List<AccountView> list(@RequestParam(required = false) @Nullable Long companyId) {
        return accounts.list(companyId).stream().map(AccountView::of).toList();
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable long id) {
        return accounts.find(id)
                .map(AccountView::of)
                .orElseThrow(() -> AdminException.notFound("console account " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a console account")
    AccountView create(@RequestBody NewAccount body) {
        if (body.role() == null) {
            throw AdminException.invalid("role", "role is required: operator or company");
        }
        return translated(() -> AccountView.of(accounts.create(new ConsoleAccountService.AccountSpec(
                body.username(),
                body.password(),
                body.passwordHash(),
                AccountRole.fromCode(body.role()),
                body.companyId(),
                language(body.language()),
                body.active()))));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change password, language or active; omitted fields stay")
    AccountView change(@PathVariable long id, @RequestBody AccountChange body) {
        return translated(() -> AccountView.of(
                accounts.change(id, body.password(), body.passwordHash(), language(body.language()), body.active())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deactivate: no more sign-ins; open sessions end at their next request")
    AccountView deactivate(@PathVariable long id) {
        return translated(() -> AccountView.of(accounts.change(id, null, null, null, false)));
    }

    private static @Nullable Language language(@Nullable String code) {
        if (code == null) {
            return null;
        }
        try {
            return Language.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid("language", "language must be de or en");
        }
    }

    private static AccountView translated(java.util.function.Supplier<AccountView> action) {
        try {
            return action.get();
        } catch (ConsoleAccountException e) {
            throw switch (e.kind()) {
                case INVALID -> AdminException.invalid(e.field() == null ? "body" : e.field(), e.getMessage());
                case NOT_FOUND -> AdminException.notFound(e.getMessage());
                case CONFLICT -> AdminException.conflict(e.field(), e.getMessage());
            };
        }
    }
}
