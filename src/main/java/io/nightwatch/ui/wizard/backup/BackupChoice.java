package io.nightwatch.ui.wizard.backup;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup's choice: the services with data as checkboxes (all ticked, except those that cannot be backed up
 * here: no container on their host, or stopped) and the folder that receives the set. Parameters {@code services}
 * (comma-separated names) and {@code to} (a folder).
 */
public final class BackupChoice implements WizardChoice {

    private static final Texts T = Texts.of(BackupChoice.class);

    private final ObservableList<ServiceOption> services =
            FXCollections.observableArrayList(option -> new Observable[] {option.selectedProperty(), option.stoppedProperty(), option.availableProperty()});
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ServiceCheck check;
    private Node form;

    /**
     * @param check where each service stands on its host, asked off the FX thread when the wizard opens
     *              ({@link ServiceCheck#NONE}: not asked)
     */
    public BackupChoice(List<ServiceOption> services, Path defaultTarget, ServiceCheck check) {
        this.services.setAll(services);
        this.folder.set(defaultTarget == null ? "" : defaultTarget.toString());
        this.check = check;
    }

    /** The backup wizard over the real runbook: its backupable services, its default folder, their state on the engines. */
    public static WizardModel<BackupChoice> wizard(BackupRunbook definition, ServiceCheck check, RunbookRunner runner) {
        List<ServiceOption> options = new ArrayList<>();
        for (ServiceSpec s : definition.backupable()) {
            options.add(new ServiceOption(s.name(), T.get("service.onHost", s.kind().id(), s.host()) + s.dataPath().map(p -> " · " + p).orElse("")));
        }
        return WizardModel.of(new BackupChoice(options, defaultTarget(definition), check), definition, runner, Clock.systemDefaultZone());
    }

    /** A backup wizard over any definition that takes {@code services} and {@code to}: the given services, all ticked. */
    public static WizardModel<BackupChoice> wizard(RunbookDefinition definition, List<ServiceOption> services, Path defaultTarget,
                                                   ServiceCheck check, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new BackupChoice(services, defaultTarget, check), definition, runner, clock);
    }

    @Override
    public String word() { return T.get("word"); }

    @Override
    public void attach(ChoiceContext context) {
        services.addListener((ListChangeListener<ServiceOption>) c -> context.changed().run());
        folder.addListener((o, old, now) -> context.changed().run());
        check.askOnLane(services, context, this::show);
    }

    private void show(Map<String, ServiceCheck.Standing> standings) {
        for (ServiceOption option : services) {
            ServiceCheck.Standing s = standings.get(option.name());
            if (s == null) continue;
            switch (s.state()) {
                case ABSENT -> option.markUnavailable(s.words());
                case STOPPED -> option.markStopped(s.words());
                case UNKNOWN -> option.note(s.words());
                case RUNNING -> { }
            }
        }
    }

    /** The services that can be backed up; ticked = included. */
    public ObservableList<ServiceOption> services() { return services; }

    /** The folder that receives the new set. */
    public StringProperty folderProperty() { return folder; }

    @Override
    public String blocker() {
        if (services.isEmpty()) return T.get("blocker.noServices");
        if (services.stream().noneMatch(ServiceOption::isSelected)) return T.get("blocker.tickOne");
        for (ServiceOption s : services) {
            if (s.isSelected() && s.isStopped()) return T.get("blocker.stopped", s.name());
        }
        if (folder.get() == null || folder.get().isBlank()) return T.get("blocker.folder");
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("services", String.join(",", selectedNames()));
        params.put("to", folder.get().strip());
        return params;
    }

    @Override
    public List<String> summary() {
        return List.of(T.get("summary.services", String.join(", ", selectedNames())),
                T.get("summary.into", folder.get().strip()));
    }

    @Override
    public Node form() {
        if (form == null) form = BackupForm.of(this);
        return form;
    }

    private List<String> selectedNames() {
        return services.stream().filter(ServiceOption::isSelected).map(ServiceOption::name).toList();
    }

    /** The folder the backup runbook names as its default target (the example of its {@code to} parameter). */
    private static Path defaultTarget(RunbookDefinition definition) {
        return definition.parameters().stream().filter(p -> p.name().equals("to")).map(Parameter::example)
                .filter(e -> !e.isBlank()).findFirst().map(Path::of).orElse(null);
    }
}
