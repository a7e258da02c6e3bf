package io.nightwatch.ui.wizard.launch;

/** The wizards the runbooks menu and the Readiness view open. */
public enum WizardKind {
    BACKUP, RESTORE, UPGRADE, ROLLBACK, RECOVERY, STACK, DRILL
}
