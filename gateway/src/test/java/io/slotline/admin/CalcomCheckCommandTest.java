package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.SlotlineApplication;
import io.slotline.sim.CalcomSimulator;
import io.slotline.support.JvmSimulator;
import io.slotline.support.TestTenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code java -jar slotline-gateway-exec.jar calcom-check <company>} against the simulated demo salon, with a
 * tenant file applied by {@code apply} first into a database that outlives each run.
 */
@ExtendWith(OutputCaptureExtension.class)
class CalcomCheckCommandTest {

    private static CalcomSimulator simulator;

    private final String databaseUrl = "jdbc:h2:mem:calcom-check-cli-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void simulator() {
        simulator = JvmSimulator.start();
    }

    /** The demo salon's key, one service on the team's round-robin type, one on an event type Cal.com lacks. */
    private static String salon(String slug) {
        return """
                company:
                  slug: %s
                  name: Salon %s
                  language: de
                  defaultTimeZone: Europe/Berlin
                  secrets:
                    calcomApiKey: cal_demo
                branches:
                  - name: Mitte
                    timeZone: Europe/Berlin
                    phoneNumbers: ["%s"]
                staff:
                  - name: Anna
                    branch: Mitte
                    calcomUsername: anna-demo
                  - name: Ben
                    branch: Mitte
                    calcomUsername: ben-demo
                services:
                  - name: Herrenhaarschnitt
                    durationMinutes: 30
                    calcomEventTypeId: 1001
                    calcomTeamId: 900
                    staff: [Anna, Ben]
                    staffEventTypes:
                      - { staff: Anna, id: 1111 }
                  - name: Geisterschnitt
                    durationMinutes: 30
                    calcomEventTypeId: 98765
                    staff: [Anna]
                """.formatted(slug, slug, TestTenants.randomE164());
    }

    @Test
    void printsTheFindingsWithWhatToFixAndExitsWithOneWhenSomethingMustBeFixed(
            @TempDir Path directory, CapturedOutput output) throws Exception {
        String slug = "cli-check-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.writeString(directory.resolve("tenant.yaml"), salon(slug));
        assertThat(ApplyCommand.run(SlotlineApplication.class, args("apply", file.toString())))
                .isZero();
        int applied = output.getOut().length();

        int code = CalcomCheckCommand.run(
                SlotlineApplication.class, args("calcom-check", slug, "--base-url=https://slotline.example"));

        String printed = output.getOut().substring(applied);
        assertThat(code).isEqualTo(CalcomCheckCommand.MUST_FIX);
        assertThat(printed)
                .contains("Cal.com check of " + slug)
                .contains("must be fixed")
                .contains("MUST FIX   Service Geisterschnitt: Cal.com lists no event type 98765")
                .contains("MUST FIX   Ben for Herrenhaarschnitt: Ben has no Cal.com event type of their own")
                .contains("https://slotline.example/calcom/webhook?company=" + slug)
                .contains("OK         Cal.com API key: The key works")
                .contains("OK         Anna for Herrenhaarschnitt: Anna is booked on their own event type 1111")
                .contains("           Fix: ")
                .doesNotContain("cal_demo");
        assertThat(printed.indexOf("MUST FIX"))
                .as("what must be fixed comes first")
                .isLessThan(printed.indexOf("OK         "));
    }

    @Test
    void anUnknownCompanyOrAMissingOneIsAUsageError(CapturedOutput output) {
        int unknown = CalcomCheckCommand.run(SlotlineApplication.class, args("calcom-check", "no-such-salon"));
        int missing = CalcomCheckCommand.run(SlotlineApplication.class, new String[] {"calcom-check"});

        assertThat(unknown).isEqualTo(CalcomCheckCommand.USAGE);
        assertThat(missing).isEqualTo(CalcomCheckCommand.USAGE);
        assertThat(output.getErr()).contains("No company no-such-salon").contains("usage:");
    }

    @Test
    void onlyCheckArgumentsSelectTheCommand() {
        assertThat(CalcomCheckCommand.requested(new String[] {"calcom-check", "demo-salon"}))
                .isTrue();
        assertThat(CalcomCheckCommand.requested(new String[] {"--slotline.calcom-check=7"}))
                .isTrue();
        assertThat(CalcomCheckCommand.requested(new String[] {"apply", "x.yaml"}))
                .isFalse();
        assertThat(ApplyCommand.requested(new String[] {"calcom-check", "demo-salon"}))
                .isFalse();
    }

    private String[] args(String... command) {
        String[] all = new String[command.length + 3];
        System.arraycopy(command, 0, all, 0, command.length);
        all[command.length] = "--spring.profiles.active=test";
        all[command.length + 1] = "--spring.datasource.url=" + databaseUrl;
        all[command.length + 2] = "--slotline.calcom.base-url=" + simulator.baseUrl();
        return all;
    }
}
