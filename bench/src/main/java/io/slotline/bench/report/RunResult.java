package io.slotline.bench.report;

import java.util.List;
import java.util.Optional;

/**
 * One mode's run against one fresh gateway.
 *
 * @param functions      the Retell custom functions, measured part only
 * @param lifecycle      call_inbound and the call webhooks, measured part only
 * @param callsStarted   all calls, warm-up included
 * @param callsMeasured  calls that arrived after the warm-up
 * @param callsUnfinished calls still running when the drain timeout hit
 */
public record RunResult(
        String mode,
        String gatewayUrl,
        String simulatorUrl,
        double wallSeconds,
        long callsStarted,
        long callsMeasured,
        long callsUnfinished,
        long bookingsConfirmed,
        List<FunctionStats> functions,
        List<FunctionStats> lifecycle,
        LagStats generatorLag,
        UpstreamStats upstream,
        ResourceStats gateway,
        CacheStats cache,
        List<String> notes) {

    public RunResult {
        functions = List.copyOf(functions);
        lifecycle = List.copyOf(lifecycle);
        notes = List.copyOf(notes);
    }

    public Optional<FunctionStats> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
