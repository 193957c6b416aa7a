package io.slotline.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the console's Setup page borrows from the admin API: the Cal.com event-type sync (preview and apply) and
 * the Retell tool definitions, with the same rules and results as {@code /admin/api}. Declared here and
 * implemented by the admin feature, which depends on the console (its console-account API), not the other way.
 */
public interface SetupOperations {

    /** One event type's effect on the services. */
    record SyncLine(
            String action,
            String serviceName,
            @Nullable Long eventTypeId,
            List<String> changes,
            List<String> staffLinked,
            @Nullable String reason) {}

    /** @param problem why nothing could be synced (no Cal.com key, Cal.com refused or unreachable); null when it ran */
    record SyncResult(
            boolean dryRun,
            int eventTypes,
            int created,
            int updated,
            int unchanged,
            List<SyncLine> lines,
            @Nullable String problem) {}

    SyncResult calcomSync(long companyId, boolean dryRun);

    /** The tool definitions as the admin API gives them, pretty-printed to copy into Retell. */
    String retellToolsJson();
}
