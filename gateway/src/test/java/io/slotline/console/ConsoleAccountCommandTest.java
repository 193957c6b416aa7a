package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.SlotlineApplication;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** {@code java -jar slotline-gateway-exec.jar console-account <username> ...}: the password from standard input. */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleAccountCommandTest {

    private final String databaseUrl = "jdbc:h2:mem:console-cli-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    @Test
    void createsAnOperatorThenChangesItsPasswordAndRefusesUnknownCompanies(CapturedOutput output) throws Exception {
        int created = run("typed-password-1", "console-account", "night-shift", "--operator");
        String firstHash = hash("night-shift");
        int changed = run("typed-password-2", "console-account", "night-shift", "--operator", "--language=en");
        int unknown = run("typed-password-3", "console-account", "salon-x", "--company=no-such-company");
        int usage = ConsoleAccountCommand.run(SlotlineApplication.class, new String[] {"console-account", "someone"});

        assertThat(created).isZero();
        assertThat(output.getOut())
                .contains(
                        "console account night-shift (operator): created",
                        "console account night-shift (operator): updated");
        assertThat(changed).isZero();
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .matches("typed-password-2", hash("night-shift")))
                .isTrue();
        assertThat(hash("night-shift")).isNotEqualTo(firstHash);
        assertThat(unknown).isEqualTo(1);
        assertThat(output.getErr()).contains("no company with slug no-such-company");
        assertThat(usage).isEqualTo(2);
        assertThat(output.getAll()).doesNotContain("typed-password").doesNotContain("Tomcat started");
    }

    private int run(String password, String... command) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        String[] args = new String[command.length + 2];
        args[0] = "--spring.profiles.active=test";
        args[1] = "--spring.datasource.url=" + databaseUrl;
        System.arraycopy(command, 0, args, 2, command.length);
        return ConsoleAccountCommand.run(SlotlineApplication.class, args);
    }

    private String hash(String username) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
                var statement =
                        connection.prepareStatement("SELECT password_hash FROM console_accounts WHERE username = ?")) {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
