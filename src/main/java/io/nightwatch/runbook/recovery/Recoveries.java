package io.nightwatch.runbook.recovery;

import java.util.List;
import java.util.Optional;

/** Every recovery runbook, in the order of the scenario catalogue ({@link io.nightwatch.alerts.RunbookHints#SCENARIOS}). */
public final class Recoveries {

    private Recoveries() {}

    public static List<RecoveryRunbook> all(RecoveryRunbook.Context context) {
        return List.of(DiskRecovery.definition(context), RedisRecovery.definition(context), ServiceRecovery.loki(context),
                ServiceRecovery.collector(context), ServiceRecovery.promtail(context));
    }

    /** The runbook of scenario {@code id} ({@code disk-full}), if there is one. */
    public static Optional<RecoveryRunbook> find(RecoveryRunbook.Context context, String id) {
        return all(context).stream().filter(r -> r.scenario().id().equals(id)).findFirst();
    }
}
