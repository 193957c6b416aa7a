package io.slotline.bench.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The predecessor's own figures (seed 000, "Phase 1 Performance Optimizations", 2025-11-06): single numbers per
 * function; its checklist compared them with P95.
 */
public record OldSystemFigure(String function, @Nullable Double baselineMs, String baseline, double targetMs) {

    public static final List<OldSystemFigure> SEED = List.of(
            new OldSystemFigure("check_availability", 3000.0, "3000", 1500),
            new OldSystemFigure("get_alternatives", 1700.0, "1700", 1200),
            new OldSystemFigure("find_next_available", null, "crashed (HTTP 500)", 900));
}
