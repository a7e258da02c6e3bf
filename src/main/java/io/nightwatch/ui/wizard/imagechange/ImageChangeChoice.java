package io.nightwatch.ui.wizard.imagechange;

import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.LatestAnswer;
import io.nightwatch.ui.wizard.ChoiceContext;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.WizardChoice;
import io.nightwatch.ui.wizard.WizardModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An upgrade's or a rollback's choice: one service, the image to go to (with the candidates the engine knows and
 * why), backup first, the hold period. Parameters {@code service}, {@code to}, {@code backup}, {@code hold}. A
 * rollback presets the target to the best candidate (the image the service ran before).
 */
public final class ImageChangeChoice implements WizardChoice {

    private static final Texts T = Texts.of(ImageChangeChoice.class);
    /** Keys of the form word.NAME, one per value. */
    private static final String KEYS_WORD = "word.";
    /** Keys of the form to.NAME, one per value. */
    private static final String KEYS_TO = "to.";
    /** Keys of the form blocker.service.NAME, one per value. */
    private static final String KEYS_BLOCKER_SERVICE = "blocker.service.";

    /** Which way the image goes. */
    public enum Direction {
        UPGRADE, ROLLBACK;

        /** "upgrade" or "rollback", for sentences. */
        String word() { return T.get(KEYS_WORD + name()); }

        /** "To" or "Back to": the target's heading. */
        String toLabel() { return T.get(KEYS_TO + name()); }
    }

    private final Direction direction;
    private final List<ServiceOption> services;
    private final ImageChanges changes;
    private final StringProperty chosenService = new SimpleStringProperty(this, "chosenService", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final BooleanProperty backupFirst = new SimpleBooleanProperty(this, "backupFirst");
    private final StringProperty hold = new SimpleStringProperty(this, "hold", "keep");
    private final ReadOnlyStringWrapper currentImage = new ReadOnlyStringWrapper(this, "currentImage", "");
    private final ObservableList<ImageChanges.ImageChoice> targets = FXCollections.observableArrayList();
    private LatestAnswer<Looked> looked;
    private ChoiceContext context;
    private Node form;

    private record Looked(String service, String current, List<ImageChanges.ImageChoice> targets, String problem) {}

    public ImageChangeChoice(Direction direction, List<ServiceOption> services, ImageChanges changes) {
        this.direction = direction;
        this.services = List.copyOf(services);
        this.changes = changes;
    }

    /** An upgrade or rollback wizard over {@code definition} (parameters service, to, backup, hold). */
    public static WizardModel<ImageChangeChoice> wizard(Direction direction, RunbookDefinition definition, List<ServiceOption> services,
                                                        ImageChanges changes, RunbookRunner runner, Clock clock) {
        return WizardModel.of(new ImageChangeChoice(direction, services, changes), definition, runner, clock);
    }

    @Override
    public String word() { return direction.word(); }

    public Direction direction() { return direction; }

    @Override
    public void attach(ChoiceContext context) {
        this.context = context;
        this.looked = context.lane().latest(this::applyLooked);
        chosenService.addListener((o, old, now) -> {
            lookUpImages();
            context.changed().run();
        });
        target.addListener((o, old, now) -> context.changed().run());
        currentImage.addListener((o, old, now) -> context.changed().run());
    }

    /** The services to choose from. */
    public List<ServiceOption> services() { return services; }

    /** The service to change (one of {@link #services()} by name). */
    public StringProperty chosenServiceProperty() { return chosenService; }

    /** The image to go to. */
    public StringProperty targetProperty() { return target; }

    /** Back the service's data up first. */
    public BooleanProperty backupFirstProperty() { return backupFirst; }

    /** "keep" the old container until removed by hand, or a period to watch the new one. */
    public StringProperty holdProperty() { return hold; }

    /** What the chosen service runs now ("" until known). */
    public ReadOnlyStringProperty currentImageProperty() { return currentImage.getReadOnlyProperty(); }

    /** The images the chosen service could go to, best first. */
    public ObservableList<ImageChanges.ImageChoice> targets() { return targets; }

    /** "To" or "Back to": the target's heading. */
    String toLabel() { return direction.toLabel(); }

    /** The chosen service's image and where it could go, from the engine (in the background). */
    private void lookUpImages() {
        String service = chosenService.get();
        currentImage.set("");
        targets.clear();
        if (service == null || service.isBlank()) {
            looked.forget();
            return;
        }
        looked.ask(() -> {
            try {
                return new Looked(service, changes.currentImage(service), changes.targets(service), "");
            } catch (Exception e) {
                return new Looked(service, "", List.of(), T.get("problem.cannotRead", service, Background.describe(e)));
            }
        });
    }

    private void applyLooked(Looked l) {
        currentImage.set(l.current());
        targets.setAll(l.targets());
        context.problem().accept(l.problem());
        // a rollback goes back to the best candidate unless the operator typed something else
        if (direction == Direction.ROLLBACK && (target.get() == null || target.get().isBlank()) && !l.targets().isEmpty()) {
            target.set(l.targets().get(0).image());
        }
    }

    @Override
    public String blocker() {
        if (chosenService.get() == null || chosenService.get().isBlank()) return T.get(KEYS_BLOCKER_SERVICE + direction.name());
        String to = target.get() == null ? "" : target.get().strip();
        if (to.isEmpty()) return T.get("blocker.image");
        if (to.equals(currentImage.get())) return T.get("blocker.same", chosenService.get(), to);
        return "";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service", chosenService.get());
        params.put("to", target.get().strip());
        params.put("backup", backupFirst.get() ? "yes" : "no");
        params.put("hold", hold.get() == null || hold.get().isBlank() ? "keep" : hold.get().strip());
        return params;
    }

    @Override
    public List<String> summary() {
        String holdWord = parameters().get("hold");
        return List.of(T.get(backupFirst.get() ? "summary.serviceBackedUp" : "summary.service", chosenService.get()),
                "keep".equals(holdWord) ? T.get("summary.oldKept") : T.get("summary.oldRemoved", holdWord));
    }

    @Override
    public List<String> planLines(Map<String, String> parameters) throws Exception {
        return changes.planLines(parameters); // the image and configuration diff, read from the engine
    }

    @Override
    public Node form() {
        if (form == null) form = ImageChangeForm.of(this);
        return form;
    }
}
