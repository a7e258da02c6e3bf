package io.nightwatch.ui.wizard.recovery;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.text.Texts;

/**
 * The recovery wizard's words, and those of the "Open runbook" entry points (alert detail, dashboard tile), from this
 * package's bundle. Short: the operator reading them is tired.
 */
public final class RecoveryWording {

    private static final Texts T = Texts.of(RecoveryWording.class);

    private RecoveryWording() {}

    /** In the language chosen at start-up; views made later should call {@link #openRunbook()}. */
    public static final String OPEN_RUNBOOK = T.get("openRunbook");
    /** In the language chosen at start-up; views made later should call {@link #openRunbookNone()}. */
    public static final String OPEN_RUNBOOK_NONE = T.get("openRunbook.none");

    public static String title() { return T.get("title"); }

    public static String purpose() { return T.get("purpose"); }

    public static String word() { return T.get("word"); }

    public static String openRunbook() { return T.get("openRunbook"); }

    public static String openRunbookNone() { return T.get("openRunbook.none"); }

    static String whatFailed() { return T.get("form.whatFailed"); }

    static String whichService() { return T.get("form.whichService"); }

    static String howItGoes() { return T.get("form.howItGoes"); }

    static String steps() { return T.get("form.steps"); }

    static String chooseScenario() { return T.get("blocker.scenario"); }

    static String diagnosisHead() { return T.get("plan.diagnosisHead"); }

    static String diagnosisEmpty() { return T.get("plan.diagnosisEmpty"); }

    static String actionsHead() { return T.get("plan.actionsHead"); }

    /** "Open runbook: The Redis session store is down or lost its data" */
    public static String openRunbook(Scenario scenario) {
        return T.get("openRunbook.scenario", scenario.title());
    }

    static String seenAs(Scenario scenario) {
        return T.get("form.seenAs", scenario.symptom());
    }

    static String looksAt(Scenario scenario) {
        return T.get("form.looksAt", scenario.diagnosis());
    }

    static String noService(Scenario scenario) {
        return T.get("blocker.noService", scenario.id());
    }

    static String chooseService() {
        return T.get("blocker.service");
    }

    static String scenarioLine(Scenario scenario) {
        return T.get("summary.scenario", scenario.id(), scenario.title());
    }

    static String serviceLine(RecoveryTarget target) {
        return T.get("summary.service", target.service(), target.host());
    }

    static String diagnosisFailed(String why) {
        return T.get("diagnosisFailed", why);
    }

    /** "… 14 earlier lines: the run log has them" */
    static String earlierLines(int n) {
        return T.get(n == 1 ? "earlierLine" : "earlierLines", n);
    }

    static String unknownScenario(String id) {
        return T.get("unknownScenario", id);
    }
}
