package io.nightwatch.ui.wizard.restore;

import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.backup.RestoreRunbook;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.SetRow;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import io.nightwatch.ui.wizard.WizardWording;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The restore's choice: a verified set from a folder of sets (listed off the FX thread), and the services in it.
 * Parameters {@code set} (a set folder) and {@code services} (comma-separated names found in the set).
 */
public final class RestoreChoice implements WizardChoice {

    private static final Texts T = Texts.of(RestoreChoice.class);

    private final ObservableList<ServiceOption> services =
            FXCollections.observableArrayList(option -> new Observable[] {option.selectedProperty()});
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObservableList<SetRow> sets = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens weakly, so one made per call could be collected with a page's listener
    private final ObservableList<SetRow> setsView = FXCollections.unmodifiableObservableList(sets);
    private final ReadOnlyObjectWrapper<SetRow> chosenSet = new ReadOnlyObjectWrapper<>(this, "chosenSet");
    private final ReadOnlyStringWrapper setsStatus = new ReadOnlyStringWrapper(this, "setsStatus", "");
    private final Path initialFolder;
    private LatestAnswer<Listed> listed;
    private Clock clock;
    private Node form;

    private record Listed(String root, List<SetRow> rows, String status) {}

    public RestoreChoice(Path setsRoot) {
        this.initialFolder = setsRoot;
    }

    /** The restore wizard over the real runbook, listing the sets in {@code setsRoot}. */
    public static WizardModel<RestoreChoice> wizard(RestoreRunbook definition, Path setsRoot, RunbookRunner runner) {
        return wizard(definition, setsRoot, runner, Clock.systemDefaultZone());
    }

    /** A restore wizard over any definition that takes {@code set} and {@code services}, listing the sets in {@code setsRoot}. */
    public static WizardModel<RestoreChoice> wizard(RunbookDefinition definition, Path setsRoot, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new RestoreChoice(setsRoot), definition, runner, clock);
    }

    @Override
    public String word() { return T.get("word"); }

    @Override
    public void attach(ChoiceContext context) {
        this.clock = context.clock();
        this.listed = context.lane().latest(this::applyListed);
        services.addListener((ListChangeListener<ServiceOption>) c -> context.changed().run());
        chosenSet.addListener((o, old, now) -> context.changed().run());
        folder.addListener((o, old, now) -> {
            reloadSets();
            context.changed().run();
        });
        folder.set(initialFolder == null ? "" : initialFolder.toString()); // lists the sets
        if (initialFolder == null) reloadSets();
    }

    /** Every set in the folder, newest first, including those that cannot be chosen. */
    public ObservableList<SetRow> sets() { return setsView; }

    public ReadOnlyObjectProperty<SetRow> chosenSetProperty() { return chosenSet.getReadOnlyProperty(); }

    /** "3 sets in /x", "reading /x …", "no backup sets in /x", or why they cannot be read. */
    public ReadOnlyStringProperty setsStatusProperty() { return setsStatus.getReadOnlyProperty(); }

    /** The folder whose sets are listed. */
    public StringProperty folderProperty() { return folder; }

    /** The services in the chosen set. Ticked = included. */
    public ObservableList<ServiceOption> services() { return services; }

    /** Takes this set if it can be restored (verified and complete); otherwise refuses and keeps none. */
    public boolean choose(SetRow set) {
        SetRow taken = set != null && set.choosable() ? set : null;
        if (taken == chosenSet.get()) return taken != null;
        chosenSet.set(taken);
        List<ServiceOption> options = new ArrayList<>();
        if (taken != null) {
            BackupManifest manifest = taken.info().manifest().orElse(null);
            for (String name : taken.services()) {
                String detail = manifest == null ? "" : manifest.service(name)
                        .map(b -> b.kind() + " · " + b.method() + " · " + WizardWording.size(b.bytes())).orElse("");
                options.add(new ServiceOption(name, detail));
            }
        }
        services.setAll(options);
        return taken != null;
    }

    /** Lists the sets in the folder again (in the background). */
    public void reloadSets() {
        String root = folder.get() == null ? "" : folder.get().strip();
        if (root.isEmpty()) {
            listed.forget();
            applyListed(new Listed(root, List.of(), T.get("status.chooseFolder")));
            return;
        }
        setsStatus.set(T.get("status.reading", root));
        listed.ask(() -> {
            Instant now = clock.instant();
            try {
                List<SetRow> rows = BackupSets.list(Path.of(root)).stream().map(s -> SetRow.of(s, now)).toList();
                long usable = rows.stream().filter(SetRow::choosable).count();
                String status = rows.isEmpty() ? T.get("status.none", root)
                        : T.get(rows.size() == 1 ? "status.oneSet" : "status.sets", rows.size(), root, usable)
                        + (usable == rows.size() ? "." : T.get("status.onlyVerified"));
                return new Listed(root, rows, status);
            } catch (Exception e) {
                return new Listed(root, List.of(), T.get("status.cannotRead", root, Background.describe(e)));
            }
        });
    }

    private void applyListed(Listed l) {
        SetRow before = chosenSet.get();
        sets.setAll(l.rows());
        setsStatus.set(l.status());
        // keep the choice when the same set is still there and still restorable
        SetRow again = before == null ? null : l.rows().stream()
                .filter(r -> r.info().dir().equals(before.info().dir()) && r.choosable()).findFirst().orElse(null);
        if (again == null) choose(null);
        else chosenSet.set(again);
    }

    @Override
    public String blocker() {
        if (chosenSet.get() == null) return T.get("blocker.set");
        if (services.stream().noneMatch(ServiceOption::isSelected)) return T.get("blocker.tickOne");
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("set", chosenSet.get().info().dir().toString());
        params.put("services", String.join(",", selectedNames()));
        return params;
    }

    @Override
    public List<String> summary() {
        SetRow set = chosenSet.get();
        String[] facts = set.facts().split(" · ");
        return List.of(T.get("summary.set", set.id(), set.statusInText(), facts[0], facts[1]),
                T.get("summary.services", String.join(", ", selectedNames())));
    }

    @Override
    public Node form() {
        if (form == null) form = RestoreForm.of(this);
        return form;
    }

    @Override
    public boolean measuresRecoveryTime() {
        return true;
    }

    private List<String> selectedNames() {
        return services.stream().filter(ServiceOption::isSelected).map(ServiceOption::name).toList();
    }
}
