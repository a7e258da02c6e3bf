package io.nightwatch.runbook.recovery;

/** Package-private parts of the recovery runbooks, for tests of other packages. */
public final class RecoveryTestAccess {
    private RecoveryTestAccess() {}

    public static String retentionFlag(String retention) {
        return DiskRecovery.retentionFlag(retention);
    }
}
