package io.slotline.tenancy;

/** What applying a {@link TenantFile} changed, per kind of row. */
public record ImportReport(
        long companyId,
        Counts company,
        Counts secrets,
        Counts branches,
        Counts phoneNumbers,
        Counts staff,
        Counts services,
        Counts serviceStaff,
        Counts retellAgents,
        Counts consoleAccounts) {

    /** {@code removed} only ever counts service-staff links: the importer never deletes entities. */
    public record Counts(int created, int updated, int unchanged, int removed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Change change) {
            return switch (change) {
                case CREATED -> new Counts(created + 1, updated, unchanged, removed);
                case UPDATED -> new Counts(created, updated + 1, unchanged, removed);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1, removed);
                case REMOVED -> new Counts(created, updated, unchanged, removed + 1);
            };
        }

        /** An entry first counted unchanged turned out to change after all. */
        Counts unchangedUpdated() {
            return new Counts(created, updated + 1, unchanged - 1, removed);
        }

        public boolean changed() {
            return created + updated + removed > 0;
        }
    }

    enum Change {
        CREATED,
        UPDATED,
        UNCHANGED,
        REMOVED
    }

    public boolean changed() {
        return company.changed()
                || secrets.changed()
                || branches.changed()
                || phoneNumbers.changed()
                || staff.changed()
                || services.changed()
                || serviceStaff.changed()
                || retellAgents.changed()
                || consoleAccounts.changed();
    }

    @Override
    public String toString() {
        return "company " + company + ", secrets " + secrets + ", branches " + branches + ", phone numbers "
                + phoneNumbers + ", staff " + staff + ", services " + services + ", service-staff " + serviceStaff
                + ", Retell agents " + retellAgents + ", console accounts " + consoleAccounts;
    }
}
