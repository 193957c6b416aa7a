package io.slotline.admin;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.slotline.calcom.CalcomException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console's Setup page borrows from the admin API: the Cal.com event-type sync (preview and apply) and
 * the Retell tool definitions, with the same rules and results as {@code /admin/api}.
 */
@Component
public class SetupOperations {

    /** One event type's effect on the services. */
    public record SyncLine(String action, String serviceName, @Nullable Long eventTypeId, List<String> changes,
            List<String> staffLinked, @Nullable String reason) {
    }

    /** @param problem why nothing could be synced (no Cal.com key, Cal.com refused or unreachable); null when it ran */
    public record SyncResult(boolean dryRun, int eventTypes, int created, int updated, int unchanged,
            List<SyncLine> lines, @Nullable String problem) {
    }

    private final CalcomSync sync;
    private final RetellToolsController tools;
    private final JsonMapper json;

    SetupOperations(CalcomSync sync, RetellToolsController tools, JsonMapper json) {
        this.sync = sync;
        this.tools = tools;
        this.json = json;
    }

    public SyncResult calcomSync(long companyId, boolean dryRun) {
        try {
            CalcomSync.Report report = sync.sync(companyId, dryRun);
            return new SyncResult(report.dryRun(), report.eventTypes(), report.created(), report.updated(),
                    report.unchanged(), report.items().stream()
                            .map(item -> new SyncLine(item.action().name().toLowerCase(Locale.ROOT),
                                    item.serviceName(), item.eventTypeId(), item.changes(), item.staffLinked(),
                                    item.reason()))
                            .toList(), null);
        }
        catch (AdminException e) {
            return new SyncResult(dryRun, 0, 0, 0, 0, List.of(), e.getMessage());
        }
        catch (CalcomException e) {
            return new SyncResult(dryRun, 0, 0, 0, 0, List.of(), "Cal.com: " + e.getMessage());
        }
    }

    /** The tool definitions as the admin API gives them, pretty-printed to copy into Retell. */
    public String retellToolsJson() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tools.tools("full"));
    }
}
