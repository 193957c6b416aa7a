package io.slotline.tenancy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.slotline.secrets.SecretCipher;
import io.slotline.secrets.SecretDecryptionException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who is who: companies, branches, numbers, services and staff, and the companies' decrypted API keys.
 * Reads are on every function call's hot path, so they are served from an in-process cache with a short TTL;
 * writes through this class evict it (after commit, when inside a transaction). While the database can't be reached
 * the last value read is served instead, so that calls to known numbers are still answered.
 */
@Component
public class TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

    private final Companies companies;
    private final Branches branches;
    private final PhoneNumbers phoneNumbers;
    private final Services services;
    private final StaffMembers staffMembers;
    private final SecretCipher cipher;
    private final TenantCache cache;

    @Autowired
    TenantDirectory(
            Companies companies,
            Branches branches,
            PhoneNumbers phoneNumbers,
            Services services,
            StaffMembers staffMembers,
            SecretCipher cipher,
            TenancyProperties properties) {
        this(companies, branches, phoneNumbers, services, staffMembers, cipher, properties, Ticker.systemTicker());
    }

    TenantDirectory(
            Companies companies,
            Branches branches,
            PhoneNumbers phoneNumbers,
            Services services,
            StaffMembers staffMembers,
            SecretCipher cipher,
            TenancyProperties properties,
            Ticker ticker) {
        this.companies = companies;
        this.branches = branches;
        this.phoneNumbers = phoneNumbers;
        this.services = services;
        this.staffMembers = staffMembers;
        this.cipher = cipher;
        this.cache = new TenantCache(properties.cacheTtl(), ticker);
    }

    // --- reads (cached) ---

    /** The company and branch a dialled number routes to; empty for unknown or deactivated numbers. */
    public Optional<TenantContext> byDialledNumber(String e164) {
        String number = e164.trim();
        return cache.get(new TenantCache.NumberKey(number), () -> phoneNumbers.route(number));
    }

    public Optional<Company> company(long companyId) {
        return cache.get(new TenantCache.CompanyKey(companyId), () -> companies.findById(companyId));
    }

    public Optional<Company> companyBySlug(String slug) {
        return cache.get(new TenantCache.SlugKey(slug), () -> companies.findBySlug(slug));
    }

    public Optional<Branch> branch(long companyId, long branchId) {
        return cache.get(new TenantCache.BranchKey(companyId, branchId), () -> branches.findById(companyId, branchId));
    }

    /** Where a call for the company as a whole goes: its first active branch. */
    public Optional<Branch> defaultBranch(long companyId) {
        return cache.get(
                new TenantCache.DefaultBranchKey(companyId),
                () -> branches.findAll(companyId).stream()
                        .filter(Branch::active)
                        .findFirst());
    }

    public List<Service> activeServices(long companyId) {
        return cache.get(new TenantCache.ServicesKey(companyId), () -> services.findActive(companyId));
    }

    /** One of {@link #activeServices}, by id. */
    public Optional<Service> activeService(long companyId, long serviceId) {
        return activeServices(companyId).stream()
                .filter(service -> service.id() == serviceId)
                .findFirst();
    }

    /** Active staff of a branch. */
    public List<Staff> staff(long companyId, long branchId) {
        return cache.get(
                new TenantCache.BranchStaffKey(companyId, branchId),
                () -> staffMembers.findActiveInBranch(companyId, branchId));
    }

    /** One of {@link #staff}, by id. */
    public Optional<Staff> staffMember(long companyId, long branchId, long staffId) {
        return staff(companyId, branchId).stream()
                .filter(staff -> staff.id() == staffId)
                .findFirst();
    }

    /**
     * The Cal.com username of an appointment's staff member (one of {@link #staff}); empty when it names no branch or
     * staff member, or one without a username.
     */
    public Optional<String> calcomUsername(long companyId, @Nullable Long branchId, @Nullable Long staffId) {
        if (branchId == null || staffId == null) {
            return Optional.empty();
        }
        return staffMember(companyId, branchId, staffId).map(Staff::calcomUsername);
    }

    /** Active staff who perform a service. */
    public List<Staff> staffForService(long companyId, long serviceId) {
        return cache.get(
                new TenantCache.ServiceStaffKey(companyId, serviceId),
                () -> staffMembers.findActiveForService(companyId, serviceId));
    }

    /** The staff members' own Cal.com event types for a service, by staff id. */
    public Map<Long, StaffEventType> staffEventTypes(long companyId, long serviceId) {
        return cache.get(
                new TenantCache.StaffEventTypesKey(companyId, serviceId),
                () -> staffMembers.staffEventTypes(companyId, serviceId).stream()
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(StaffEventType::staffId, e -> e)));
    }

    public Optional<String> calcomApiKey(long companyId) {
        return secret(companyId, CompanySecret.CALCOM_API_KEY);
    }

    public Optional<String> calcomWebhookSecret(long companyId) {
        return secret(companyId, CompanySecret.CALCOM_WEBHOOK_SECRET);
    }

    public Optional<String> retellApiKey(long companyId) {
        return secret(companyId, CompanySecret.RETELL_API_KEY);
    }

    /**
     * Every active company's Retell key: candidates for verifying a webhook before its body is trusted. A key that
     * does not decrypt is left out (and logged) rather than failing every tenant's webhooks.
     */
    public List<String> retellApiKeys() {
        return cache.get(
                TenantCache.AllRetellKeys.INSTANCE,
                () -> companies.encryptedSecretOfActiveCompanies(CompanySecret.RETELL_API_KEY).stream()
                        .flatMap(encrypted -> {
                            try {
                                return Stream.of(cipher.decrypt(encrypted));
                            } catch (SecretDecryptionException e) {
                                log.warn(
                                        "A stored Retell API key does not decrypt with the configured slotline.secrets.key; "
                                                + "it is ignored until the company's key is set again");
                                return Stream.empty();
                            }
                        })
                        .distinct()
                        .toList());
    }

    /** Decrypted; a value that fails to decrypt throws {@link SecretDecryptionException}. */
    public Optional<String> secret(long companyId, CompanySecret secret) {
        DecryptedSecrets secrets = cache.get(new TenantCache.SecretsKey(companyId), () -> {
            Map<CompanySecret, String> values = new EnumMap<>(CompanySecret.class);
            for (CompanySecret kind : CompanySecret.values()) {
                companies.encryptedSecret(companyId, kind).ifPresent(enc -> values.put(kind, cipher.decrypt(enc)));
            }
            return new DecryptedSecrets(values);
        });
        return Optional.ofNullable(secrets.values().get(secret));
    }

    /** Cached lookups held now (numbers, companies, services, staff, secrets), for the cache-size gauge. */
    public long cachedLookups() {
        return cache.size();
    }

    // --- admin reads: uncached, inactive rows included ---

    public List<Company> allCompanies() {
        return companies.findAll();
    }

    public Optional<Company> companyUncached(long companyId) {
        return companies.findById(companyId);
    }

    public Optional<Company> companyBySlugUncached(String slug) {
        return companies.findBySlug(slug);
    }

    /** The 4-character hint of each secret that is set; the values themselves never leave this class in clear. */
    public Map<CompanySecret, String> secretHints(long companyId) {
        return companies.secretHints(companyId);
    }

    public List<Branch> allBranches(long companyId) {
        return branches.findAll(companyId);
    }

    public Optional<Branch> branchUncached(long companyId, long branchId) {
        return branches.findById(companyId, branchId);
    }

    public Optional<Branch> branchByName(long companyId, String name) {
        return branches.findByName(companyId, name);
    }

    public List<PhoneNumber> allPhoneNumbers(long companyId) {
        return phoneNumbers.findAll(companyId);
    }

    public Optional<PhoneNumber> phoneNumber(long companyId, long numberId) {
        return phoneNumbers.findById(companyId, numberId);
    }

    /** Any tenant's number, active or not. */
    public Optional<PhoneNumber> phoneNumber(String e164) {
        return phoneNumbers.findByE164(e164.trim());
    }

    public List<Service> allServices(long companyId) {
        return services.findAll(companyId);
    }

    public Optional<Service> serviceUncached(long companyId, long serviceId) {
        return services.findById(companyId, serviceId);
    }

    public Optional<Service> serviceByName(long companyId, String name) {
        return services.findByName(companyId, name);
    }

    public List<Staff> allStaff(long companyId) {
        return staffMembers.findAll(companyId);
    }

    public Optional<Staff> staffMemberUncached(long companyId, long staffId) {
        return staffMembers.findById(companyId, staffId);
    }

    public Optional<Staff> staffMemberByName(long companyId, String name) {
        return staffMembers.findByName(companyId, name);
    }

    /** Staff who perform a service, inactive ones included, by id. */
    public List<Staff> allStaffOfService(long companyId, long serviceId) {
        return staffMembers.findForService(companyId, serviceId);
    }

    /** Which of the ids are staff members of the company (in no particular order). */
    public Set<Long> existingStaffIds(long companyId, Collection<Long> staffIds) {
        return Set.copyOf(staffMembers.existingIds(companyId, staffIds));
    }

    public List<Long> linkedStaffIds(long companyId, long serviceId) {
        return staffMembers.linkedStaffIds(companyId, serviceId);
    }

    // --- writes (demo loader, importer, admin API) ---

    public long createCompany(CompanySpec spec) {
        long id = companies.insert(spec);
        evictCompany(id);
        return id;
    }

    /** @return false when no such company */
    public boolean updateCompany(long companyId, CompanySpec spec) {
        return evicting(companyId, () -> companies.update(companyId, spec));
    }

    /** Stores the secret encrypted with its 4-character hint. */
    public boolean setSecret(long companyId, CompanySecret secret, String plaintext) {
        if (plaintext.isBlank()) {
            throw new IllegalArgumentException(secret + " must not be blank");
        }
        return evicting(
                companyId,
                () -> companies.storeSecret(
                        companyId, secret, cipher.encrypt(plaintext), SecretCipher.hint(plaintext)));
    }

    public long createBranch(long companyId, BranchSpec spec) {
        return evicting(companyId, () -> branches.insert(companyId, spec));
    }

    public boolean updateBranch(long companyId, long branchId, BranchSpec spec) {
        return evicting(companyId, () -> branches.update(companyId, branchId, spec));
    }

    /** A number routes to one branch across all tenants; a number already taken fails with a duplicate key. */
    public long addPhoneNumber(long companyId, long branchId, String e164) {
        return evicting(
                companyId, () -> phoneNumbers.insert(companyId, branchId, TenancyValidation.requireE164(e164), true));
    }

    public boolean updatePhoneNumber(long companyId, String e164, long branchId, boolean active) {
        return evicting(
                companyId, () -> phoneNumbers.update(companyId, TenancyValidation.requireE164(e164), branchId, active));
    }

    public long createService(long companyId, ServiceSpec spec) {
        return evicting(companyId, () -> services.insert(companyId, spec));
    }

    public boolean updateService(long companyId, long serviceId, ServiceSpec spec) {
        return evicting(companyId, () -> services.update(companyId, serviceId, spec));
    }

    public long createStaff(long companyId, StaffSpec spec) {
        return evicting(companyId, () -> staffMembers.insert(companyId, spec));
    }

    public boolean updateStaff(long companyId, long staffId, StaffSpec spec) {
        return evicting(companyId, () -> staffMembers.update(companyId, staffId, spec));
    }

    /** @return false when already linked; a service or staff member of another company fails the foreign key */
    public boolean linkServiceStaff(long companyId, long serviceId, long staffId) {
        return evicting(companyId, () -> staffMembers.link(companyId, serviceId, staffId));
    }

    /** @return false when the staff member is not linked to the service */
    public boolean setStaffEventType(
            long companyId, long serviceId, long staffId, @Nullable Long eventTypeId, @Nullable String slug) {
        return evicting(
                companyId, () -> staffMembers.setStaffEventType(companyId, serviceId, staffId, eventTypeId, slug));
    }

    public boolean unlinkServiceStaff(long companyId, long serviceId, long staffId) {
        return evicting(companyId, () -> staffMembers.unlink(companyId, serviceId, staffId));
    }

    /**
     * Drops every cached lookup. Inside a transaction it evicts again after completion, so a read racing the
     * uncommitted write cannot put the old value back for a whole TTL.
     */
    public void evictAll() {
        cache.evictAll();
    }

    /**
     * Drops what a change to one company can make wrong: that company's lookups, lookups by number or slug that
     * found it or found nothing (a number or slug may have just been added), and the list of Retell keys. The
     * other companies' lookups stay: with a thousand businesses, onboarding one must not send every call to the
     * database. Inside a transaction it evicts again after completion, like {@link #evictAll()}.
     */
    public void evictCompany(long companyId) {
        cache.evictCompany(companyId);
    }

    /** Every write drops the company's cached lookups, so that the next call reads what it wrote. */
    private <T> T evicting(long companyId, Supplier<T> write) {
        T result = write.get();
        evictCompany(companyId);
        return result;
    }

    private record DecryptedSecrets(Map<CompanySecret, String> values) {

        @Override
        public String toString() {
            return "DecryptedSecrets" + values.keySet();
        }
    }
}
