package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.runbook.stack.StackRunbook.Action;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack run's choice: stop, start or restart, and which services (all deployed ones ticked; a service with no
 * container here cannot be ticked). The order each takes is shown as the ticks change. Parameters {@code action} and
 * {@code services} (comma-separated names).
 */
public final class StackChoice implements WizardChoice {

    private final ObservableList<ServiceOption> services =
            FXCollections.observableArrayList(option -> new Observable[] {option.selectedProperty(), option.availableProperty()});
    private final ObjectProperty<Action> action = new SimpleObjectProperty<>(this, "action");
    private final ReadOnlyStringWrapper stopOrder = new ReadOnlyStringWrapper(this, "stopOrder", "");
    private final ReadOnlyStringWrapper startOrder = new ReadOnlyStringWrapper(this, "startOrder", "");
    private final ServiceCheck check;
    private Node form;

    /** @param inStopOrder the services, already in the order a stop takes them */
    public StackChoice(List<ServiceOption> inStopOrder, ServiceCheck check) {
        this.services.setAll(inStopOrder);
        this.check = check;
        services.addListener((ListChangeListener<ServiceOption>) c -> showOrder());
        action.addListener((o, old, now) -> showOrder());
        showOrder();
    }

    /** The stack wizard over the profile's services, in stop order, their standing asked of the engines. FX thread. */
    public static WizardModel<StackChoice> wizard(StackProfile profile, StackRunbooks runbooks, ServiceCheck check, RunbookRunner runner, Clock clock) {
        List<ServiceOption> options = new ArrayList<>();
        for (ServiceSpec s : StackRunbook.stopOrder(profile.services())) {
            options.add(new ServiceOption(s.name(), StackWording.onHost(s.kind().id(), s.host())));
        }
        return WizardModel.of(new StackChoice(options, check), runbooks, runner, clock);
    }

    @Override
    public String word() { return StackWording.word(action.get()); }

    @Override
    public void attach(ChoiceContext context) {
        services.addListener((ListChangeListener<ServiceOption>) c -> context.changed().run());
        action.addListener((o, old, now) -> context.changed().run());
        check.askOnLane(services, context, this::show);
    }

    private void show(Map<String, ServiceCheck.Standing> standings) {
        for (ServiceOption option : services) {
            ServiceCheck.Standing s = standings.get(option.name());
            if (s == null) continue;
            switch (s.state()) {
                case ABSENT -> option.markUnavailable(s.words());
                case STOPPED -> option.note(StackWording.stopped()); // a stopped service may well be started: it stays ticked
                case UNKNOWN -> option.note(s.words());
                case RUNNING -> { }
            }
        }
    }

    public ObjectProperty<Action> actionProperty() { return action; }

    /** In stop order; ticked = included. */
    public ObservableList<ServiceOption> services() { return services; }

    /** "Stop order: promtail → loki → redis", or "" when the action stops nothing. */
    public ReadOnlyStringProperty stopOrderProperty() { return stopOrder.getReadOnlyProperty(); }

    /** "Start order: redis → loki → promtail", or "" when the action starts nothing. */
    public ReadOnlyStringProperty startOrderProperty() { return startOrder.getReadOnlyProperty(); }

    @Override
    public String blocker() {
        if (action.get() == null) return StackWording.chooseAction();
        if (services.isEmpty()) return StackWording.noServices();
        if (selected().isEmpty()) return StackWording.tickOne();
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("action", StackWording.verb(action.get()));
        params.put("services", String.join(",", selected()));
        return params;
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(StackWording.actionLine(action.get()));
        lines.add(StackWording.servicesLine(selected()));
        if (!stopOrder.get().isEmpty()) lines.add(stopOrder.get());
        if (!startOrder.get().isEmpty()) lines.add(startOrder.get());
        return lines;
    }

    @Override
    public Node form() {
        if (form == null) form = StackForm.of(this);
        return form;
    }

    private List<String> selected() {
        return services.stream().filter(ServiceOption::isSelected).map(ServiceOption::name).toList();
    }

    private void showOrder() {
        Action a = action.get();
        List<String> stop = selected();
        List<String> start = new ArrayList<>(stop);
        java.util.Collections.reverse(start);
        stopOrder.set(a == null || a == Action.START ? "" : StackWording.stopOrder(stop));
        startOrder.set(a == null || a == Action.STOP ? "" : StackWording.startOrder(start));
    }
}
