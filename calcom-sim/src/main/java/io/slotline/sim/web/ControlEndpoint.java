package io.slotline.sim.web;

/** The {@code /_sim} control API: answered at once, never rate limited, delayed or faulted. */
@FunctionalInterface
public interface ControlEndpoint {
    Reply handle(ApiRequest request);
}
