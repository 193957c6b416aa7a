package io.slotline.support;

import javax.sql.DataSource;

/** The databases a repository test runs on ({@link OnEveryDatabase}), each migrated with the Flyway scripts. */
public enum Database {
    H2 {
        @Override
        public DataSource dataSource() {
            return TestDatabases.h2();
        }
    },

    /** Unreachable: skipped on a developer machine, a failure when CI=true (like {@link RequiresPostgres}). */
    POSTGRES {
        @Override
        public DataSource dataSource() {
            RequiredServices.check("PostgreSQL", RequiredServices::probePostgres);
            return TestDatabases.postgres();
        }
    };

    public abstract DataSource dataSource();
}
