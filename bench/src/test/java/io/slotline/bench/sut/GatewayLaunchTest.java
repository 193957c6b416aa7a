package io.slotline.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayLaunchTest {

    @Test
    void fillsPlaceholdersAndKeepsJvmArgsBeforeTheJar() {
        GatewayLaunch launch = new GatewayLaunch(
                Path.of("/jdk/bin/java"),
                Path.of("gw.jar"),
                List.of("-Xmx512m"),
                GatewayLaunch.DEFAULT_ARGS,
                List.of("--logging.level.root=WARN"),
                Duration.ofSeconds(1));

        List<String> command = launch.command(18080, "http://127.0.0.1:9999", "naive", 3);

        assertThat(command.subList(0, 4)).containsExactly("/jdk/bin/java", "-Xmx512m", "-jar", "gw.jar");
        assertThat(command)
                .contains(
                        "--server.port=18080",
                        "--slotline.calcom.base-url=http://127.0.0.1:9999",
                        "--slotline.availability.mode=naive",
                        "--slotline.demo.embedded-simulator=false",
                        "--spring.profiles.active=demo",
                        "--spring.datasource.url=jdbc:h2:mem:bench3;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        assertThat(command.get(command.size() - 1)).isEqualTo("--logging.level.root=WARN");
    }
}
