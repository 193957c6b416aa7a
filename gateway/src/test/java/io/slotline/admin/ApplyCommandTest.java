package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.SlotlineApplication;
import io.slotline.support.TestTenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code java -jar slotline-gateway-exec.jar apply <file>} against a database that outlives each run. */
@ExtendWith(OutputCaptureExtension.class)
class ApplyCommandTest {

    private final String databaseUrl = "jdbc:h2:mem:apply-cli-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void appliesAFileAndTheSecondRunChangesNothing(@TempDir Path directory, CapturedOutput output) throws Exception {
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Path file =
                Files.writeString(directory.resolve("tenant.yaml"), TenantYaml.salon(slug, TestTenants.randomE164()));

        int first = ApplyCommand.run(SlotlineApplication.class, args("apply", file.toString()));
        String firstOutput = output.getOut();
        int second = ApplyCommand.run(SlotlineApplication.class, args("--slotline.apply=" + file));
        String secondOutput = output.getOut().substring(firstOutput.length());

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(firstOutput).contains("\"changed\" : true");
        assertThat(secondOutput).contains("\"changed\" : false").doesNotContain("\"created\" : 1");
        assertThat(output.getAll())
                .doesNotContain("cal_file_" + slug)
                .doesNotContain("key_file_" + slug)
                .doesNotContain("Tomcat started");
        assertThat(count("SELECT COUNT(*) FROM services s JOIN companies c ON c.id = s.company_id WHERE c.slug = '"
                        + slug + "'"))
                .isEqualTo(2);
    }

    @Test
    void aDryRunWritesNothing(@TempDir Path directory, CapturedOutput output) throws Exception {
        String slug = "cli-dry-" + UUID.randomUUID().toString().substring(0, 8);
        Path file =
                Files.writeString(directory.resolve("tenant.yaml"), TenantYaml.salon(slug, TestTenants.randomE164()));

        int code = ApplyCommand.run(SlotlineApplication.class, new String[] {
            "--spring.profiles.active=test",
            "--spring.datasource.url=" + databaseUrl,
            "apply",
            file.toString(),
            "--dry-run"
        });

        assertThat(code).isZero();
        assertThat(output.getOut()).contains("\"dryRun\" : true");
        assertThat(count("SELECT COUNT(*) FROM companies WHERE slug = '" + slug + "'"))
                .isZero();
    }

    @Test
    void aRefusedFileExitsWithOneAndSaysWhy(@TempDir Path directory, CapturedOutput output) throws Exception {
        Path file = Files.writeString(
                directory.resolve("tenant.yaml"),
                TenantYaml.salon("cli-bad", TestTenants.randomE164()).replace("staff: [Anna]", "staff: [Nobody]"));

        int refused = ApplyCommand.run(SlotlineApplication.class, args("apply", file.toString()));
        int missing = ApplyCommand.run(
                SlotlineApplication.class,
                args("apply", directory.resolve("nope.yaml").toString()));
        int usage = ApplyCommand.run(SlotlineApplication.class, new String[] {"apply"});

        assertThat(refused).isEqualTo(1);
        assertThat(missing).isEqualTo(1);
        assertThat(usage).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Nobody")
                .contains("cannot read tenant file")
                .contains("usage:");
        assertThat(count("SELECT COUNT(*) FROM companies WHERE slug = 'cli-bad'"))
                .isZero();
    }

    @Test
    void onlyApplyArgumentsSelectTheCommand() {
        assertThat(ApplyCommand.requested(new String[] {"apply", "x.yaml"})).isTrue();
        assertThat(ApplyCommand.requested(new String[] {"--slotline.apply=x.yaml"}))
                .isTrue();
        assertThat(ApplyCommand.requested(new String[] {"--spring.profiles.active=postgres", "apply", "x"}))
                .isTrue();
        assertThat(ApplyCommand.requested(new String[] {"--spring.profiles.active=demo"}))
                .isFalse();
        assertThat(ApplyCommand.requested(new String[0])).isFalse();
    }

    private String[] args(String... command) {
        String[] all = new String[command.length + 2];
        System.arraycopy(command, 0, all, 0, command.length);
        all[command.length] = "--spring.profiles.active=test";
        all[command.length + 1] = "--spring.datasource.url=" + databaseUrl;
        return all;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
