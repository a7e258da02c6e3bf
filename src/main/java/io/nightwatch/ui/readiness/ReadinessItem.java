package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.redact.Redactor;
import io.nightwatch.ui.wizard.launch.WizardKind;

import java.util.Optional;

/**
 * One checklist item as the view shows it: evidence and fix already redacted (a screen gets shared and photographed),
 * and the wizard that fixes it, where there is one.
 *
 * @param check the check part of the id ({@code memory-limit} of {@code memory-limit:local/redis})
 */
public record ReadinessItem(String id, String check, String subject, AuditItem.Status status, AuditItem.Risk risk,
                            String evidence, String fix, Optional<WizardKind> wizard) {

    static ReadinessItem of(AuditItem item, Redactor redactor) {
        int colon = item.id().indexOf(':');
        String check = colon < 0 ? item.id() : item.id().substring(0, colon);
        Optional<WizardKind> wizard = item.ok() ? Optional.empty()
                : item.runbook().flatMap(r -> ReadinessWording.wizard(check, r));
        return new ReadinessItem(item.id(), check, item.subject(), item.status(), item.risk(), redactor.text(item.evidenceText()),
                redactor.text(item.fixText()), wizard);
    }

    public boolean ok() {
        return status == AuditItem.Status.OK;
    }
}
