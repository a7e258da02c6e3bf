package io.nightwatch.ui;

import io.nightwatch.health.HealthState;
import io.nightwatch.ui.controls.FlowGlyph;
import io.nightwatch.ui.controls.FlowStyles;
import io.nightwatch.ui.controls.StateGlyph;
import io.nightwatch.ui.controls.StateStyles;
import io.nightwatch.ui.dashboard.DashboardView;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.flow.FlowView;
import io.nightwatch.ui.flow.FlowViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Binds the FXML shell to the two views' models. The header's summary, age line and verdict pill speak for the view
 * on show; each switch button carries its view's state icon, so a stall is visible from the Health view too.
 */
public final class MainWindowController {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final DashboardViewModel model;
    private final FlowViewModel flow;
    private final ObjectProperty<MainWindow.View> view = new SimpleObjectProperty<>(this, "view", MainWindow.View.HEALTH);

    @FXML private Label profileSource;
    @FXML private Label summary;
    @FXML private Label lastUpdate;
    @FXML private HBox overallPill;
    @FXML private StateGlyph overallGlyph;
    @FXML private FlowGlyph overallFlowGlyph;
    @FXML private Label overallText;
    @FXML private ToggleGroup views;
    @FXML private ToggleButton healthTab;
    @FXML private ToggleButton flowTab;
    @FXML private StateGlyph healthGlyph;
    @FXML private FlowGlyph flowGlyph;
    @FXML private ScrollPane hostScroll;
    @FXML private ScrollPane flowScroll;

    MainWindowController(DashboardViewModel model, FlowViewModel flow) {
        this.model = model;
        this.flow = flow;
    }

    @FXML
    private void initialize() {
        profileSource.textProperty().bind(model.profileSourceProperty().map(source -> "profile: " + source));
        Tooltip profileTip = new Tooltip();
        profileTip.textProperty().bind(profileSource.textProperty());
        profileSource.setTooltip(profileTip);
        overallGlyph.stateProperty().bind(model.overallStateProperty());
        overallFlowGlyph.stateProperty().bind(flow.overallStateProperty());
        healthGlyph.stateProperty().bind(model.overallStateProperty());
        flowGlyph.stateProperty().bind(flow.overallStateProperty());
        flowTab.textProperty().bind(flow.stalledCountProperty().map(n -> n.intValue() > 0 ? "Flow · " + n + " stalled" : "Flow"));
        flow.overallStateProperty().addListener((o, old, state) -> {
            FlowStyles.apply(flowTab, state);
            showPill();
        });
        FlowStyles.apply(flowTab, flow.overallStateProperty().get());
        model.overallStateProperty().addListener((o, old, state) -> {
            StateStyles.apply(healthTab, state);
            showPill();
        });
        StateStyles.apply(healthTab, model.overallStateProperty().get());
        model.staleProperty().addListener((o, was, stale) -> showStale());
        flow.staleProperty().addListener((o, was, stale) -> showStale());

        hostScroll.setContent(new DashboardView(model));
        flowScroll.setContent(new FlowView(flow));

        views.selectedToggleProperty().addListener((o, old, selected) -> {
            if (selected == null) {
                views.selectToggle(old); // a switch, not a pair of check boxes: one view is always on show
                return;
            }
            view.set(selected == flowTab ? MainWindow.View.FLOW : MainWindow.View.HEALTH);
        });
        view.addListener((o, old, shown) -> show(shown));
        show(view.get());
    }

    /** Switches the body and the header to {@code shown}. */
    void select(MainWindow.View shown) {
        Toggle wanted = shown == MainWindow.View.FLOW ? flowTab : healthTab;
        if (views.getSelectedToggle() != wanted) views.selectToggle(wanted);
    }

    ObjectProperty<MainWindow.View> viewProperty() { return view; }

    private void show(MainWindow.View shown) {
        boolean flowShown = shown == MainWindow.View.FLOW;
        hostScroll.setVisible(!flowShown);
        flowScroll.setVisible(flowShown);
        summary.textProperty().unbind();
        lastUpdate.textProperty().unbind();
        overallText.textProperty().unbind();
        summary.textProperty().bind(flowShown ? flow.summaryProperty() : model.summaryProperty());
        lastUpdate.textProperty().bind(flowShown ? flow.lastUpdateProperty() : model.lastUpdateProperty());
        overallText.textProperty().bind(flowShown ? flow.overallTextProperty() : model.overallTextProperty());
        overallGlyph.setVisible(!flowShown);
        overallGlyph.setManaged(!flowShown);
        overallFlowGlyph.setVisible(flowShown);
        overallFlowGlyph.setManaged(flowShown);
        showPill();
        showStale();
    }

    /** The pill carries exactly one state pseudo-class: the shown view's. */
    private void showPill() {
        if (view.get() == MainWindow.View.FLOW) {
            for (HealthState s : HealthState.values()) overallPill.pseudoClassStateChanged(StateStyles.of(s), false);
            FlowStyles.apply(overallPill, flow.overallStateProperty().get());
        } else {
            for (io.nightwatch.flow.FlowState s : io.nightwatch.flow.FlowState.values()) {
                overallPill.pseudoClassStateChanged(FlowStyles.of(s), false);
            }
            StateStyles.apply(overallPill, model.overallStateProperty().get());
        }
    }

    private void showStale() {
        boolean stale = view.get() == MainWindow.View.FLOW ? flow.staleProperty().get() : model.staleProperty().get();
        lastUpdate.pseudoClassStateChanged(STALE, stale);
    }
}
