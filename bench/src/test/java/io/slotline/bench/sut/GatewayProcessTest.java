package io.slotline.bench.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real child JVM from a jar, as the bench starts the gateway (the stand-in answers like one). */
class GatewayProcessTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private Path standInJar() throws Exception {
        Path classes = Path.of(StandInGateway.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInGateway.class.getName());
        manifest.getMainAttributes()
                .put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("stand-in-gateway.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // manifest only: the classes come from Class-Path
        }
        return jar;
    }

    private GatewayLaunch launch(Path jar, List<String> extra) {
        return new GatewayLaunch(
                GatewayLaunch.currentJava(),
                jar,
                List.of("-Xmx64m"),
                GatewayLaunch.DEFAULT_ARGS,
                extra,
                Duration.ofSeconds(60));
    }

    @Test
    void startsTheJarOnAFreePortWithTheModeAndStopsIt() throws Exception {
        Path log = dir.resolve("gateway-naive.log");
        ProcessHandle child;
        try (GatewayProcess gateway =
                GatewayProcess.start(launch(standInJar(), List.of()), client, "http://127.0.0.1:9", "naive", 4, log)) {
            child = ProcessHandle.of(gateway.pid()).orElseThrow();
            String args = client.send(
                            HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/args"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();

            assertThat(gateway.probe().ready()).isTrue();
            assertThat(args)
                    .contains(
                            "--slotline.availability.mode=naive",
                            "--slotline.calcom.base-url=http://127.0.0.1:9",
                            "jdbc:h2:mem:bench4;",
                            "--server.port=" + URI.create(gateway.baseUrl()).getPort());
        }
        child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(log).exists();
    }

    @Test
    void gatewayThatDiesOnStartupFailsWithItsLogTail() throws Exception {
        Path jar = standInJar();

        assertThatThrownBy(() -> GatewayProcess.start(
                        launch(jar, List.of("--fail-fast")),
                        client,
                        "http://127.0.0.1:9",
                        "cached",
                        1,
                        dir.resolve("gateway-cached.log")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 3")
                .hasMessageContaining("APPLICATION FAILED TO START");
    }

    @Test
    void missingJarIsExplainedNotStarted() {
        assertThatThrownBy(() -> GatewayProcess.start(
                        launch(dir.resolve("nope.jar"), List.of()),
                        client,
                        "http://127.0.0.1:9",
                        "cached",
                        1,
                        dir.resolve("x.log")))
                .hasMessageContaining("gateway jar not found")
                .hasMessageContaining("--gateway-url");
        assertThat(dir.resolve("x.log")).doesNotExist();
    }
}
