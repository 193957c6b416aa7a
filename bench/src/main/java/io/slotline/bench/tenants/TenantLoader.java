package io.slotline.bench.tenants;

import io.slotline.bench.sut.SimulatorControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Puts generated businesses where they belong: the Cal.com simulator, and the gateway as an operator would. */
public final class TenantLoader {

    /** Businesses per {@code /_sim/scenario} document. */
    static final int SIM_CHUNK = 25;

    private TenantLoader() {}

    public static void intoSimulator(SimulatorControl sim, List<Business> businesses, Instant now, long seed) {
        for (int from = 0; from < businesses.size(); from += SIM_CHUNK) {
            List<Business> chunk = businesses.subList(from, Math.min(businesses.size(), from + SIM_CHUNK));
            sim.addScenario(TenantDocuments.simulatorScenario(chunk, now, seed));
        }
    }

    /**
     * One tenant file per business through {@code POST /admin/api/tenants/apply}, one after the other, as an
     * operator's script would onboard them.
     */
    public static void intoGateway(HttpClient client, String gatewayUrl, String adminToken, List<Business> businesses) {
        for (Business business : businesses) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/api/tenants/apply"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(TenantDocuments.tenantFile(business)))
                    .build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("applying the tenant file of " + business.slug() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException(
                        "applying the tenant file of " + business.slug() + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while applying tenant files", e);
            }
        }
    }
}
