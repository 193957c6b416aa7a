package io.slotline.tenancy;

import io.slotline.secrets.SecretCipher;
import io.slotline.secrets.SecretDecryptionException;
import io.slotline.tenancy.ImportReport.Change;
import io.slotline.tenancy.ImportReport.Counts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a {@link TenantFile} in one transaction: creates what is missing, updates what differs, leaves the rest.
 * Applying the same file twice changes nothing the second time. Entities absent from the file are kept
 * (deactivate them explicitly); only a listed service's staff links are replaced by the file's list.
 */
@Component
public class TenantImporter {

    private final Companies companies;
    private final Branches branches;
    private final PhoneNumbers phoneNumbers;
    private final Services services;
    private final StaffMembers staffMembers;
    private final SecretCipher cipher;
    private final TenantDirectory directory;
    private final TransactionTemplate transactions;
    private final RetellAgents agents;
    private final ObjectProvider<ConsoleAccountImport> consoleAccounts;

    TenantImporter(
            Companies companies,
            Branches branches,
            PhoneNumbers phoneNumbers,
            Services services,
            StaffMembers staffMembers,
            SecretCipher cipher,
            TenantDirectory directory,
            TransactionTemplate transactions,
            RetellAgents agents,
            ObjectProvider<ConsoleAccountImport> consoleAccounts) {
        this.agents = agents;
        this.consoleAccounts = consoleAccounts;
        this.companies = companies;
        this.branches = branches;
        this.phoneNumbers = phoneNumbers;
        this.services = services;
        this.staffMembers = staffMembers;
        this.cipher = cipher;
        this.directory = directory;
        this.transactions = transactions;
    }

    public ImportReport apply(Resource yaml) {
        return apply(TenantFile.read(yaml));
    }

    /** @throws IllegalArgumentException for an inconsistent file (unknown branch or staff, a number owned elsewhere) */
    public ImportReport apply(TenantFile file) {
        ImportReport report = transactions.execute(status -> {
            ImportReport result = applyInTransaction(file);
            directory.evictCompany(result.companyId());
            return result;
        });
        if (report == null) {
            throw new IllegalStateException("tenant import returned no report");
        }
        return report;
    }

    private ImportReport applyInTransaction(TenantFile file) {
        CompanySpec companySpec = file.company().toSpec();
        Optional<Company> existing = companies.findBySlug(companySpec.slug());
        long companyId;
        Change companyChange;
        if (existing.isEmpty()) {
            companyId = companies.insert(companySpec);
            companyChange = Change.CREATED;
        } else {
            companyId = existing.get().id();
            companyChange = CompanySpec.of(existing.get()).equals(companySpec) ? Change.UNCHANGED : Change.UPDATED;
            if (companyChange == Change.UPDATED) {
                companies.update(companyId, companySpec);
            }
        }

        Counts secrets = Counts.NONE;
        if (file.company().secrets() != null) {
            for (CompanySecret kind : CompanySecret.values()) {
                String wanted = file.company().secrets().get(kind);
                if (wanted != null && !wanted.isBlank()) {
                    secrets = secrets.plus(applySecret(companyId, kind, wanted));
                }
            }
        }

        Counts branchCounts = Counts.NONE;
        Counts numberCounts = Counts.NONE;
        for (TenantFile.BranchEntry entry : file.branches()) {
            BranchSpec spec = entry.toSpec();
            Optional<Branch> branch = branches.findByName(companyId, spec.name());
            long branchId;
            if (branch.isEmpty()) {
                branchId = branches.insert(companyId, spec);
                branchCounts = branchCounts.plus(Change.CREATED);
            } else {
                branchId = branch.get().id();
                boolean same = BranchSpec.of(branch.get()).equals(spec);
                if (!same) {
                    branches.update(companyId, branchId, spec);
                }
                branchCounts = branchCounts.plus(same ? Change.UNCHANGED : Change.UPDATED);
            }
            for (String number : entry.numbers()) {
                numberCounts = numberCounts.plus(applyNumber(companyId, branchId, number));
            }
        }

        Counts staffCounts = Counts.NONE;
        for (TenantFile.StaffEntry entry : file.staff()) {
            long branchId = branches.findByName(companyId, entry.branch())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "staff '" + entry.name() + "' names unknown branch '" + entry.branch() + "'"))
                    .id();
            StaffSpec spec = entry.toSpec(branchId);
            Optional<Staff> staff = staffMembers.findByName(companyId, spec.name());
            if (staff.isEmpty()) {
                staffMembers.insert(companyId, spec);
                staffCounts = staffCounts.plus(Change.CREATED);
            } else {
                boolean same = StaffSpec.of(staff.get()).equals(spec);
                if (!same) {
                    staffMembers.update(companyId, staff.get().id(), spec);
                }
                staffCounts = staffCounts.plus(same ? Change.UNCHANGED : Change.UPDATED);
            }
        }

        Map<String, Long> staffIds = new HashMap<>();
        staffMembers.findAll(companyId).forEach(s -> staffIds.put(s.name(), s.id()));
        Counts serviceCounts = Counts.NONE;
        Counts linkCounts = Counts.NONE;
        for (TenantFile.ServiceEntry entry : file.services()) {
            ServiceSpec spec = entry.toSpec(staffIds);
            Optional<Service> service = services.findByName(companyId, spec.name());
            long serviceId;
            if (service.isEmpty()) {
                serviceId = services.insert(companyId, spec);
                serviceCounts = serviceCounts.plus(Change.CREATED);
            } else {
                serviceId = service.get().id();
                boolean same = ServiceSpec.of(service.get()).equals(spec);
                if (!same) {
                    services.update(companyId, serviceId, spec);
                }
                serviceCounts = serviceCounts.plus(same ? Change.UNCHANGED : Change.UPDATED);
            }
            linkCounts = applyLinks(companyId, serviceId, entry, staffIds, linkCounts);
        }

        Counts agentCounts = Counts.NONE;
        for (TenantFile.RetellAgentEntry entry : file.retellAgents()) {
            agentCounts = agentCounts.plus(applyAgent(companyId, entry));
        }

        ConsoleAccountImport accountImport = consoleAccounts.getIfAvailable();
        Counts accountCounts = accountImport == null || file.consoleAccounts().isEmpty()
                ? Counts.NONE
                : accountImport.apply(companyId, file.consoleAccounts());
        return new ImportReport(
                companyId,
                Counts.NONE.plus(companyChange),
                secrets,
                branchCounts,
                numberCounts,
                staffCounts,
                serviceCounts,
                linkCounts,
                agentCounts,
                accountCounts);
    }

    private Change applyAgent(long companyId, TenantFile.RetellAgentEntry entry) {
        TenancyValidation.requireText(entry.id(), "Retell agent id", 128);
        String id = entry.id().trim();
        Long branchId = entry.branch() == null
                ? null
                : branches.findByName(companyId, entry.branch())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "Retell agent '" + id + "' names unknown branch '" + entry.branch() + "'"))
                        .id();
        String e164 = entry.phoneNumber() == null ? null : TenancyValidation.requireE164(entry.phoneNumber());
        RetellAgent wanted = new RetellAgent(id, companyId, branchId, e164, entry.language(), false);
        RetellAgent stored = agents.stored(id);
        if (wanted.equals(stored)) {
            return Change.UNCHANGED;
        }
        if (!agents.configure(wanted)) {
            throw new IllegalArgumentException("Retell agent " + id + " already belongs to another company");
        }
        return stored == null ? Change.CREATED : Change.UPDATED;
    }

    private Change applySecret(long companyId, CompanySecret kind, String wanted) {
        Optional<String> stored = companies.encryptedSecret(companyId, kind);
        if (stored.isPresent() && wanted.equals(decryptOrNull(stored.get()))) {
            return Change.UNCHANGED;
        }
        companies.storeSecret(companyId, kind, cipher.encrypt(wanted), SecretCipher.hint(wanted));
        return stored.isPresent() ? Change.UPDATED : Change.CREATED;
    }

    /** A value stored under a previous key cannot be compared: the file's value replaces it. */
    private String decryptOrNull(String stored) {
        try {
            return cipher.decrypt(stored);
        } catch (SecretDecryptionException e) {
            return "";
        }
    }

    private Change applyNumber(long companyId, long branchId, String rawNumber) {
        String e164 = TenancyValidation.requireE164(rawNumber);
        Optional<PhoneNumber> number = phoneNumbers.findByE164(e164);
        if (number.isEmpty()) {
            phoneNumbers.insert(companyId, branchId, e164, true);
            return Change.CREATED;
        }
        if (number.get().companyId() != companyId) {
            throw new IllegalArgumentException("phone number " + e164 + " already belongs to another company");
        }
        if (number.get().branchId() == branchId && number.get().active()) {
            return Change.UNCHANGED;
        }
        phoneNumbers.update(companyId, e164, branchId, true);
        return Change.UPDATED;
    }

    private Counts applyLinks(
            long companyId, long serviceId, TenantFile.ServiceEntry entry, Map<String, Long> staffIds, Counts counts) {
        Set<Long> wanted = new HashSet<>();
        for (String name : entry.staffNames()) {
            Long id = staffIds.get(name);
            if (id == null) {
                throw new IllegalArgumentException("service '" + entry.name() + "' names unknown staff '" + name + "'");
            }
            wanted.add(id);
        }
        List<Long> linked = staffMembers.linkedStaffIds(companyId, serviceId);
        Counts result = counts;
        for (Long staffId : linked) {
            if (wanted.contains(staffId)) {
                result = result.plus(Change.UNCHANGED);
            } else {
                staffMembers.unlink(companyId, serviceId, staffId);
                result = result.plus(Change.REMOVED);
            }
        }
        for (Long staffId : wanted) {
            if (!linked.contains(staffId)) {
                staffMembers.link(companyId, serviceId, staffId);
                result = result.plus(Change.CREATED);
            }
        }
        Map<Long, StaffEventType> known = new java.util.HashMap<>();
        staffMembers.staffEventTypes(companyId, serviceId).forEach(e -> known.put(e.staffId(), e));
        for (TenantFile.StaffEventTypeEntry own : entry.staffEventTypeList()) {
            Long staffId = staffIds.get(own.staff());
            if (staffId == null || !wanted.contains(staffId)) {
                throw new IllegalArgumentException("service '" + entry.name() + "' gives an event type for '"
                        + own.staff() + "', who is not among its staff");
            }
            StaffEventType current = known.get(staffId);
            if (current == null
                    || current.eventTypeId() != own.id()
                    || !java.util.Objects.equals(current.slug(), own.slug())) {
                staffMembers.setStaffEventType(companyId, serviceId, staffId, own.id(), own.slug());
                if (linked.contains(staffId)) {
                    result = result.unchangedUpdated();
                }
            }
        }
        return result;
    }
}
