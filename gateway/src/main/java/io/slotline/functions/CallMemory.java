package io.slotline.functions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the conversation is about: the service (and staff member) the caller last looked for in this call. The
 * booking uses it unless the caller clearly names another service, so a sloppy service argument in
 * book_appointment cannot turn a 135-minute colouring into a 55-minute cut. In-process only; other instances fall
 * back to the call's slot hold, which records the service too.
 */
@Component
class CallMemory {

    record Topic(long serviceId, @Nullable Long staffId) {}

    private final Cache<String, Topic> topics = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(50_000)
            .build();

    void remember(CallContext context, long serviceId, @Nullable Long staffId) {
        topics.put(key(context), new Topic(serviceId, staffId));
    }

    Optional<Topic> recall(CallContext context) {
        return Optional.ofNullable(topics.getIfPresent(key(context)));
    }

    private static String key(CallContext context) {
        return context.companyId() + ":" + context.retellCallId();
    }
}
