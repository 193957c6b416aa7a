package io.slotline.bench.sut;

/** A Cal.com simulator the bench talks to: embedded in this JVM, or already running elsewhere. */
public interface SimulatorHandle extends AutoCloseable {

    String baseUrl();

    @Override
    void close();

    static SimulatorHandle external(String baseUrl) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new SimulatorHandle() {
            @Override
            public String baseUrl() {
                return url;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }
}
