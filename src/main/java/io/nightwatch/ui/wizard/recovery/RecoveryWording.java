package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints.Scenario;

/**
 * The recovery wizard's words, and those of the "Open runbook" entry points (alert detail, dashboard tile), in one
 * place so they can move to a bundle later. Short: the operator reading them is tired.
 */
public final class RecoveryWording {

    private RecoveryWording() {}

    public static final String TITLE = "Recover from a failure";
    public static final String PURPOSE = "Diagnose first (read only), then the actions that fit, each previewed; the last step "
            + "proves the service is healthy and its data flows again.";
    public static final String WORD = "recovery";
    public static final String OPEN_RUNBOOK = "Open runbook";
    public static final String OPEN_RUNBOOK_NONE = "Open runbook: none fits this state";

    static final String WHAT_FAILED = "What failed";
    static final String WHICH_SERVICE = "Which service";
    static final String HOW_IT_GOES = "How it goes";
    static final String STEPS = "1. Diagnosis: reads and explains, changes nothing. You see its findings on the next page.\n"
            + "2. Actions that fit: each previewed; an action the diagnosis rules out is skipped.\n"
            + "3. Proof: the service is healthy and its data flows (the dashboard's own measures).\n"
            + "The run is journaled and lands on the open incident's timeline.";
    static final String CHOOSE_SCENARIO = "Choose what failed.";
    static final String DIAGNOSIS_HEAD = "Diagnosis (read only; nothing was changed):";
    static final String DIAGNOSIS_EMPTY = "The diagnosis found nothing to report.";
    static final String ACTIONS_HEAD = "The plan below repeats the diagnosis in the journal, then runs only the actions that fit.";
    static final String PREPARING = "Diagnosing…";

    /** "Open runbook: The Redis session store is down or lost its data" */
    public static String openRunbook(Scenario scenario) {
        return OPEN_RUNBOOK + ": " + scenario.title();
    }

    static String seenAs(Scenario scenario) {
        return "Seen as: " + scenario.symptom();
    }

    static String looksAt(Scenario scenario) {
        return "The diagnosis reads: " + scenario.diagnosis();
    }

    static String noService(Scenario scenario) {
        return "The profile has no service this runbook can recover (" + scenario.id() + ").";
    }

    static String chooseService() {
        return "Choose the service.";
    }

    static String scenarioLine(Scenario scenario) {
        return "Scenario: " + scenario.id() + " — " + scenario.title();
    }

    static String serviceLine(RecoveryTarget target) {
        return "Service: " + target.service() + " on " + target.host();
    }

    static String diagnosisFailed(String why) {
        return "the diagnosis failed: " + why;
    }

    /** "… 14 earlier lines: the run log has them" */
    static String earlierLines(int n) {
        return "… " + n + " earlier line" + (n == 1 ? "" : "s") + ": the run log has them";
    }

    static String unknownScenario(String id) {
        return "no recovery runbook '" + id + "'";
    }
}
