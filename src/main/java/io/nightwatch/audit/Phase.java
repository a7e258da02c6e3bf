package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;

import java.util.Collection;
import java.util.Locale;

/**
 * The three phases of the review's checklist and how strict each is. An item that is OK never counts against a
 * phase; an UNKNOWN counts like a gap of its risk in production and staging (what cannot be seen cannot be trusted)
 * and is tolerated in development.
 * <ul>
 *   <li>{@link #DEVELOPMENT} (tolerant): CONDITIONAL when a critical item is RISK or MISSING; otherwise READY.</li>
 *   <li>{@link #STAGING} (medium): NOT_READY when a critical item is not OK; CONDITIONAL when a high one is not OK.</li>
 *   <li>{@link #PRODUCTION} (strict): NOT_READY when a critical or high item is not OK; CONDITIONAL when a medium
 *       item is not OK or anything is UNKNOWN; low items are listed but do not block.</li>
 * </ul>
 */
public enum Phase {
    DEVELOPMENT, STAGING, PRODUCTION;

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public Verdict judge(Collection<AuditItem> items) {
        Verdict v = Verdict.READY;
        for (AuditItem item : items) {
            if (item.ok()) continue;
            v = Verdict.worst(v, judge(item));
        }
        return v;
    }

    private Verdict judge(AuditItem item) {
        boolean unknown = item.status() == Status.UNKNOWN;
        Risk r = item.risk();
        return switch (this) {
            case DEVELOPMENT -> r == Risk.CRITICAL && !unknown ? Verdict.CONDITIONAL : Verdict.READY;
            case STAGING -> r == Risk.CRITICAL ? Verdict.NOT_READY : r == Risk.HIGH ? Verdict.CONDITIONAL : Verdict.READY;
            case PRODUCTION -> r == Risk.CRITICAL || r == Risk.HIGH ? Verdict.NOT_READY
                    : r == Risk.MEDIUM || unknown ? Verdict.CONDITIONAL : Verdict.READY;
        };
    }
}
