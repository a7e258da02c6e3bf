package io.nightwatch.ui.wizard.drill;

import io.nightwatch.audit.DrillRunbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import io.nightwatch.ui.wizard.restore.RestoreChoice;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The restore drill's choice: a verified set and the services in it, chosen
 * as for a restore, since the drill restores the same set, only into scratch containers. Parameters {@code set} and
 * {@code services}, as {@code nightwatch drill restore --set --service}.
 */
public final class DrillChoice implements WizardChoice {

    private static final Texts T = Texts.of(DrillChoice.class);

    /** The sets of the folder and the chosen set's services: a restore's, reused. */
    private final RestoreChoice sets;
    private Node form;

    public DrillChoice(Path setsRoot) {
        this.sets = new RestoreChoice(setsRoot);
    }

    /** The drill wizard over {@code definition}, listing the sets in {@code setsRoot}. */
    public static WizardModel<DrillChoice> wizard(DrillRunbook definition, Path setsRoot, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new DrillChoice(setsRoot), definition, runner, clock);
    }

    /** A drill wizard over any definition that takes {@code set} and {@code services} (tests use a fake). */
    public static WizardModel<DrillChoice> wizard(RunbookDefinition definition, Path setsRoot, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new DrillChoice(setsRoot), definition, runner, clock);
    }

    @Override
    public String word() { return T.get("word"); }

    @Override
    public void attach(ChoiceContext context) {
        sets.attach(context);
    }

    /** The restore's choice that lists the sets and holds the chosen one's services. */
    public RestoreChoice sets() { return sets; }

    public List<ServiceOption> services() { return sets.services(); }

    @Override
    public String blocker() {
        if (sets.chosenSetProperty().get() == null) return T.get("blocker.set");
        if (sets.services().stream().noneMatch(ServiceOption::isSelected)) return T.get("blocker.tickOne");
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        return sets.parameters();
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>(sets.summary());
        lines.add(T.get("summary.production"));
        return lines;
    }

    @Override
    public Node form() {
        if (form == null) form = DrillForm.of(this);
        return form;
    }

    @Override
    public boolean measuresRecoveryTime() {
        return true;
    }
}
