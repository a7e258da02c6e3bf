package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.AuditRunner;
import io.nightwatch.store.AuditHistory;

import java.util.List;

/**
 * Where the Readiness view's answers come from: an audit of the live stack (recorded in the history) and the
 * history of audits. Both block; the view model calls them on its background lane only.
 */
public interface ReadinessSource {

    /** Audits the live stack once and records it; {@code progress} hears what it reads. */
    AuditReport audit(AuditRunner.Progress progress) throws Exception;

    /** The newest {@code limit} recorded audits, oldest first; empty when no history is kept. */
    List<AuditHistory.AuditRun> history(int limit) throws Exception;
}
