package io.slotline.admin;

import io.slotline.tenancy.TenantFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the tenant file named by {@code slotline.apply} at start-up and prints the report. Started by
 * {@link ApplyCommand} it is the whole run (no web server, exit code from here); in a running server (e.g.
 * SLOTLINE_APPLY set in the environment) it applies the file before traffic arrives and the server carries on.
 */
@Component
@ConditionalOnProperty(name = ApplyCommand.FILE_PROPERTY)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantApplyRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(TenantApplyRunner.class);

    private final TenantFiles tenantFiles;
    private final JsonMapper json;
    private final Path file;
    private final boolean dryRun;
    private volatile int exitCode;

    TenantApplyRunner(
            TenantFiles tenantFiles,
            JsonMapper json,
            @Value("${" + ApplyCommand.FILE_PROPERTY + "}") String file,
            @Value("${" + ApplyCommand.DRY_RUN_PROPERTY + ":false}") boolean dryRun) {
        this.tenantFiles = tenantFiles;
        this.json = json;
        this.file = Path.of(file);
        this.dryRun = dryRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = System.out;
        if (!Files.isReadable(file)) {
            System.err.println("cannot read tenant file " + file.toAbsolutePath());
            exitCode = 1;
            return;
        }
        try {
            TenantFiles.ApplyResult result = tenantFiles.apply(TenantFile.read(new FileSystemResource(file)), dryRun);
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            log.info("{} tenant file {}: {}", dryRun ? "Dry run of" : "Applied", file, result.report());
            exitCode = 0;
        } catch (AdminException e) {
            System.err.println("tenant file " + file + " refused: " + (e.field() == null ? "" : e.field() + ": ")
                    + e.getMessage());
            exitCode = 1;
        } catch (IllegalArgumentException e) {
            System.err.println("tenant file " + file + " refused: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
