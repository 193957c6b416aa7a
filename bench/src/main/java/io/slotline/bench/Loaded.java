package io.slotline.bench;

import io.slotline.bench.tenants.Business;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The generated businesses and what loading them took (agency-scale runs only). */
record Loaded(
        List<Business> businesses,
        double simSeconds,
        @Nullable Double startupSeconds,
        double applySeconds,
        @Nullable Double heapAfterLoadMb) {}
