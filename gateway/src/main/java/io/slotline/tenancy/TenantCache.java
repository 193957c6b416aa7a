package io.slotline.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link TenantDirectory}'s cache: lookups kept for a short TTL, the last value read of each kept for a day for when
 * the database is away, and eviction by company that leaves the other companies' lookups alone.
 */
final class TenantCache {

    /** Logged as the directory, as before the cache had a class of its own. */
    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);
    /** Long enough for a database failover or restart, short enough not to serve a long-gone tenant. */
    private static final Duration LAST_READ_KEPT = Duration.ofHours(24);

    private final Cache<Object, Object> cache;
    /** The last value read for each lookup, for when the database is away. */
    private final Cache<Object, Object> lastRead;

    TenantCache(Duration ttl, Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
        this.lastRead = Caffeine.newBuilder()
                .expireAfterWrite(LAST_READ_KEPT)
                .maximumSize(100_000)
                .ticker(ticker)
                .build();
    }

    long size() {
        return cache.estimatedSize();
    }

    /**
     * Drops every cached lookup. Inside a transaction it evicts again after completion, so a read racing the
     * uncommitted write cannot put the old value back for a whole TTL.
     */
    void evictAll() {
        cache.invalidateAll();
        afterCompletion(cache::invalidateAll);
    }

    /**
     * Drops what a change to one company can make wrong: that company's lookups, lookups by number or slug that
     * found it or found nothing (a number or slug may have just been added), and the list of Retell keys. The
     * other companies' lookups stay: with a thousand businesses, onboarding one must not send every call to the
     * database. Inside a transaction it evicts again after completion, like {@link #evictAll()}.
     */
    void evictCompany(long companyId) {
        Runnable evict =
                () -> cache.asMap().entrySet().removeIf(entry -> concerns(entry.getKey(), entry.getValue(), companyId));
        evict.run();
        afterCompletion(evict);
    }

    private static boolean concerns(Object key, Object value, long companyId) {
        if (key instanceof CompanyScoped scoped) {
            return scoped.companyId() == companyId;
        }
        if (key instanceof NumberKey || key instanceof SlugKey) {
            if (!(value instanceof Optional<?> found) || found.isEmpty()) {
                return true;
            }
            Object hit = found.get();
            return hit instanceof TenantContext context
                    ? context.companyId() == companyId
                    : !(hit instanceof Company company) || company.id() == companyId;
        }
        return true;
    }

    private static void afterCompletion(Runnable evict) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> loader) {
        try {
            return (T) cache.get(key, k -> {
                T value = loader.get();
                lastRead.put(k, value);
                return value;
            });
        } catch (DataAccessResourceFailureException | TransientDataAccessException databaseAway) {
            Object last = lastRead.getIfPresent(key);
            if (last == null) {
                throw databaseAway;
            }
            log.debug("Database unavailable, serving the last read {}: {}", key, databaseAway.getMessage());
            return (T) last;
        }
    }

    /** A lookup about one company only. */
    interface CompanyScoped {
        long companyId();
    }

    record NumberKey(String e164) {}

    record CompanyKey(long companyId) implements CompanyScoped {}

    record SlugKey(String slug) {}

    record BranchKey(long companyId, long branchId) implements CompanyScoped {}

    record DefaultBranchKey(long companyId) implements CompanyScoped {}

    record ServicesKey(long companyId) implements CompanyScoped {}

    record BranchStaffKey(long companyId, long branchId) implements CompanyScoped {}

    record ServiceStaffKey(long companyId, long serviceId) implements CompanyScoped {}

    record StaffEventTypesKey(long companyId, long serviceId) implements CompanyScoped {}

    record SecretsKey(long companyId) implements CompanyScoped {}

    enum AllRetellKeys {
        INSTANCE
    }
}
