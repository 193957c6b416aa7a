package io.slotline.console;

import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.TenantDirectory;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs {@link ConsoleAccountCommand}: creates or updates the account, prints what it did. */
@Component
@ConditionalOnProperty(name = ConsoleAccountCommand.USERNAME)
class ConsoleAccountRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ConsoleAccountService accounts;
    private final TenantDirectory directory;
    private final String username;
    private final @Nullable String companySlug;
    private final boolean operator;
    private final @Nullable String language;
    private final boolean disable;
    private volatile int exitCode;

    ConsoleAccountRunner(
            ConsoleAccountService accounts,
            TenantDirectory directory,
            @Value("${" + ConsoleAccountCommand.USERNAME + "}") String username,
            @Value("${" + ConsoleAccountCommand.COMPANY + ":#{null}}") @Nullable String companySlug,
            @Value("${" + ConsoleAccountCommand.OPERATOR + ":false}") boolean operator,
            @Value("${" + ConsoleAccountCommand.LANGUAGE + ":#{null}}") @Nullable String language,
            @Value("${" + ConsoleAccountCommand.DISABLE + ":false}") boolean disable) {
        this.accounts = accounts;
        this.directory = directory;
        this.username = username;
        this.companySlug = companySlug;
        this.operator = operator;
        this.language = language;
        this.disable = disable;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            Long companyId = null;
            if (!operator) {
                companyId = directory
                        .companyBySlugUncached(String.valueOf(companySlug))
                        .map(Company::id)
                        .orElseThrow(() -> new ConsoleAccountException(
                                ConsoleAccountException.Kind.NOT_FOUND,
                                "company",
                                "no company with slug " + companySlug));
            }
            boolean exists = accounts.findByUsername(username).isPresent();
            String password = disable && exists ? null : readPassword();
            var applied = accounts.apply(new ConsoleAccountService.AccountSpec(
                    username,
                    password,
                    null,
                    operator ? AccountRole.OPERATOR : AccountRole.COMPANY,
                    companyId,
                    language == null ? null : Language.fromCode(language),
                    !disable));
            System.out.println("console account " + applied.account().username() + " ("
                    + applied.account().role().code() + (operator ? "" : " of " + companySlug) + "): "
                    + applied.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (applied.account().active() ? "" : ", inactive"));
            exitCode = 0;
        } catch (ConsoleAccountException | IllegalArgumentException e) {
            System.err.println("console-account refused: " + e.getMessage());
            exitCode = 1;
        }
    }

    private static @Nullable String readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? null : line;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
