package io.nightwatch.ui.wizard.launch;

/** The wizards the runbooks menu opens. */
public enum WizardKind {
    BACKUP, RESTORE, UPGRADE, ROLLBACK, RECOVERY, STACK
}
