package io.slotline.retell;

import io.slotline.retell.RetellSignature.Verdict;
import io.slotline.tenancy.TenantContext;
import io.slotline.tenancy.TenantDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies {@code X-Retell-Signature} over the raw bytes of every request under /retell before anything reads or
 * records it. The key is chosen by the tenant the request names ({@link RetellTenants}: number, metadata, agent,
 * or an args-only call's headers), so one tenant's key can never sign a call for another tenant.
 */
final class RetellSignatureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RetellSignatureFilter.class);
    static final String HEADER = "X-Retell-Signature";

    private final RetellProperties properties;
    private final RetellSignature signature;
    private final TenantDirectory tenants;
    private final JsonMapper json;
    private final RetellMetrics metrics;
    private final CallJson callJson;
    private final RetellTenants owners;

    RetellSignatureFilter(
            RetellProperties properties,
            RetellSignature signature,
            TenantDirectory tenants,
            RetellTenants owners,
            JsonMapper json,
            RetellMetrics metrics) {
        this.owners = owners;
        this.properties = properties;
        this.signature = signature;
        this.tenants = tenants;
        this.json = json;
        this.metrics = metrics;
        this.callJson = new CallJson(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.maxBodyBytes().toBytes();
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        VerifiedRetellRequest verified = verify(request, response, limit);
        if (verified != null) {
            request.setAttribute(VerifiedRetellRequest.ATTRIBUTE, verified);
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads, checks and parses the body; the raw bytes live only inside this method, so that while the request is
     * served only the transcript-free tree remains. Null when a refusal was written.
     */
    private @Nullable VerifiedRetellRequest verify(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        RawBody body = RawBody.read(request.getInputStream(), request.getContentLengthLong(), limit);
        if (body == null) {
            tooLarge(response, limit);
            return null;
        }
        JsonNode parsed = callJson.read(body.bytes(), body.length());
        Optional<TenantContext> tenant = owners.of(parsed, ArgsOnlyHeaders.of(request, properties));
        if (properties.verifySignatures()) {
            Verdict verdict = signature.verify(
                    body.bytes(), body.length(), request.getHeader(HEADER), candidateKeys(parsed, tenant));
            if (verdict != Verdict.VALID) {
                String reason = verdict.name().toLowerCase();
                metrics.signatureRejected(reason);
                log.warn("rejected Retell request to {}: signature {}", request.getRequestURI(), reason);
                reject(response, 401, "invalid_signature", "X-Retell-Signature is " + reason);
                return null;
            }
        }
        tenant.ifPresent(t -> owners.learnAgent(parsed, t));
        return new VerifiedRetellRequest(parsed, tenant.orElse(null));
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        reject(response, 413, "payload_too_large", "body exceeds " + limit + " bytes (slotline.retell.max-body-bytes)");
    }

    /**
     * The dialled number's company key plus the globally accepted keys. When the body names no number we know
     * (malformed JSON, unknown number), every key is a candidate, so that a correctly signed bad request gets a
     * 400 or a clear answer instead of a misleading 401.
     */
    private List<String> candidateKeys(@Nullable JsonNode parsed, Optional<TenantContext> tenant) {
        Set<String> keys = new LinkedHashSet<>(properties.apiKeys());
        if (tenant.isPresent()) {
            tenants.retellApiKey(tenant.get().companyId()).ifPresent(keys::add);
        } else {
            keys.addAll(tenants.retellApiKeys());
        }
        return new ArrayList<>(keys);
    }

    private void reject(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        RetellSignature retellSignature(Clock clock) {
            return new RetellSignature(clock);
        }

        @Bean
        FilterRegistrationBean<RetellSignatureFilter> retellSignatureFilter(
                RetellProperties properties,
                RetellSignature signature,
                TenantDirectory tenants,
                RetellTenants owners,
                JsonMapper json,
                RetellMetrics metrics) {
            if (!properties.verifySignatures()) {
                log.warn("*** slotline.retell.verify-signatures=false: Retell signatures are NOT checked. "
                        + "Anyone who can reach this port can book and cancel. Local development only. ***");
            }
            var registration = new FilterRegistrationBean<>(
                    new RetellSignatureFilter(properties, signature, tenants, owners, json, metrics));
            registration.addUrlPatterns("/retell/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
