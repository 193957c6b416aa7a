package io.slotline.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * Sends without blocking the caller. A transport error (connect failure, timeout) completes the future
 * exceptionally; any HTTP status, including 5xx, completes it normally.
 */
@FunctionalInterface
public interface Transport {

    CompletableFuture<HttpReply> send(OutgoingRequest request);
}
