package io.slotline.admin;

import io.slotline.calcom.CalcomException;
import io.slotline.console.SetupOperations;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The console's Setup page's operations, done as the admin API does them. */
@Component
class ConsoleSetupOperations implements SetupOperations {

    private final CalcomSync sync;
    private final RetellToolsController tools;
    private final JsonMapper json;

    ConsoleSetupOperations(CalcomSync sync, RetellToolsController tools, JsonMapper json) {
        this.sync = sync;
        this.tools = tools;
        this.json = json;
    }

    @Override
    public SyncResult calcomSync(long companyId, boolean dryRun) {
        try {
            CalcomSync.Report report = sync.sync(companyId, dryRun);
            return new SyncResult(
                    report.dryRun(),
                    report.eventTypes(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    report.items().stream()
                            .map(item -> new SyncLine(
                                    item.action().name().toLowerCase(Locale.ROOT),
                                    item.serviceName(),
                                    item.eventTypeId(),
                                    item.changes(),
                                    item.staffLinked(),
                                    item.reason()))
                            .toList(),
                    null);
        } catch (AdminException e) {
            return new SyncResult(dryRun, 0, 0, 0, 0, List.of(), e.getMessage());
        } catch (CalcomException e) {
            return new SyncResult(dryRun, 0, 0, 0, 0, List.of(), "Cal.com: " + e.getMessage());
        }
    }

    @Override
    public String retellToolsJson() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tools.tools("full"));
    }
}
