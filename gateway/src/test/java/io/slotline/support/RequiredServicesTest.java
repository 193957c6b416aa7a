package io.slotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredServicesTest {

    @Test
    void servicesAreRequiredOnCiOrWhenAskedFor() {
        assertThat(RequiredServices.required("true", null)).isTrue();
        assertThat(RequiredServices.required(null, "true")).isTrue();
        assertThat(RequiredServices.required("false", null)).isFalse();
        assertThat(RequiredServices.required(null, null)).isFalse();
    }

    @Test
    void missingServiceFailsWhenRequired() {
        assertThatThrownBy(() -> RequiredServices.check(uniqueName(), () -> Optional.of("connection refused"), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("CI=true");
    }

    @Test
    void missingServiceIsSkippedWhenNotRequired() {
        assertThatThrownBy(() -> RequiredServices.check(uniqueName(), () -> Optional.of("connection refused"), false))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void reachableServicePassesEitherWay() {
        assertThatCode(() -> RequiredServices.check(uniqueName(), Optional::empty, true))
                .doesNotThrowAnyException();
    }

    @Test
    void closedPortsAreReportedAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(RequiredServices.probeRedis("127.0.0.1", closedPort))
                .get()
                .asString()
                .contains(String.valueOf(closedPort));
        assertThat(RequiredServices.probePostgres("jdbc:postgresql://127.0.0.1:" + closedPort + "/test"))
                .isPresent();
    }

    @Test
    @RequiresRedis
    void redisOfThisMachineAnswersPing() {
        assertThat(RequiredServices.probeRedis()).isEmpty();
    }

    @Test
    @RequiresPostgres
    void postgresOfThisMachineAcceptsConnections() {
        assertThat(RequiredServices.probePostgres()).isEmpty();
    }

    private static String uniqueName() {
        return "service-" + UUID.randomUUID();
    }
}
