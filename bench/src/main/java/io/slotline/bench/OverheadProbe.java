package io.slotline.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;

/** The gateway-overhead probe ({@code --probe}). */
final class OverheadProbe {

    private final BenchOptions options;
    private final HttpClient client;
    private final String simulatorUrl;
    private final PrintStream console;

    OverheadProbe(BenchOptions options, HttpClient client, String simulatorUrl, PrintStream console) {
        this.options = options;
        this.client = client;
        this.simulatorUrl = simulatorUrl;
        this.console = console;
    }

    void run() {
        throw new IllegalStateException("--probe is not built yet");
    }
}
