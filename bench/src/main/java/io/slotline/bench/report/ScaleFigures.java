package io.slotline.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * What grows with the number of businesses, measured in one agency-scale run ({@code --tenants N}).
 *
 * @param tenants               generated businesses loaded
 * @param simLoadSeconds        loading them into the simulator ({@code /_sim/scenario})
 * @param startupSeconds        gateway process start until ready
 * @param applySeconds          applying the N tenant files through the admin API, one after the other
 * @param heapAfterLoadMb       heap used right after a full GC, tenants applied, before the first call
 * @param heapAfterRunMb        heap used right after a full GC at the end of the measured window (calls in progress)
 * @param inProgressMean        calls in progress, sampled every second during the measured window
 * @param cacheEntries          availability day entries in the gateway's memory at the end
 * @param calcomRequestsPerCall Cal.com requests (all endpoints, whole run) per phone call started
 * @param warmupRequestsPerCall Cal.com requests made by warm-ups (call_inbound / call_started) per phone call
 * @param warmupEventTypesPerCall of those, reads of event types (the rest are slots ranges)
 * @param warmUpsDropped        prefetches dropped because the prefetch queue was full
 * @param measuredRequestsPerCall Cal.com requests in the measured window per call that rang in it (steady state)
 * @param busiestKeyPerMinute   the busiest API key's most requests within any 60 s, against Cal.com's 120
 * @param calcom429             Cal.com answers with 429 during the run
 * @param prometheusSeries      samples in one scrape of /actuator/prometheus at the end (metrics cardinality)
 */
public record ScaleFigures(
        int tenants,
        double simLoadSeconds,
        @Nullable Double startupSeconds,
        double applySeconds,
        @Nullable Double heapAfterLoadMb,
        @Nullable Double heapAfterRunMb,
        double inProgressMean,
        int inProgressMax,
        @Nullable Double cacheEntries,
        @Nullable Double tenantCacheEntries,
        @Nullable Double calcomRequestsPerCall,
        @Nullable Double warmupRequestsPerCall,
        @Nullable Double warmupEventTypesPerCall,
        @Nullable Double warmUpsDropped,
        @Nullable Double measuredRequestsPerCall,
        @Nullable String busiestKey,
        long busiestKeyPerMinute,
        long keysUsed,
        long calcom429,
        long prometheusSeries,
        @Nullable Double cpuAvgPercent,
        double loadAverage) {}
