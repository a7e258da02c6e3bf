package io.nightwatch.ui;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Bell;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.ViewHeader;
import io.nightwatch.ui.fx.EnumStyles;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.alerts.AlertsView;
import io.nightwatch.ui.alerts.AlertsViewModel;
import io.nightwatch.ui.wizard.launch.WizardLauncher;
import io.nightwatch.ui.wizard.launch.WizardKind;
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
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Binds the FXML shell to the views' models. The verdict pill is the stack's, whichever view is on show (it never
 * changes meaning); the summary and age line speak for the view on show, with the view's own badge ("2 CRITICAL",
 * "1 STALLED") beside them where it is not the stack's verdict again. Each switch button carries its view's state
 * icon, so a stall or a critical alert is visible from any view. The notification switch beside them mutes desktop
 * notifications (by keyboard only after a confirmation). On a narrow window the header reflows onto two lines.
 */
public final class MainWindowController {

    private static final Texts T = Texts.of(MainWindowController.class);

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final PseudoClass INTERRUPTED = PseudoClass.getPseudoClass("interrupted");

    private final DashboardViewModel model;
    private final FlowViewModel flow;
    private final AlertsViewModel alerts;
    private final Consumer<String> openUrl;
    private final ObjectProperty<MainWindow.View> view = new SimpleObjectProperty<>(this, "view", MainWindow.View.HEALTH);
    private final Map<MainWindow.View, ViewHeader<?>> headers = new EnumMap<>(MainWindow.View.class);
    private final Map<MainWindow.View, Glyph<?>> verdictGlyphs = new EnumMap<>(MainWindow.View.class);
    private EnumStyles<?> badgeStyles;
    private final Label viewBadge = new Label();
    private final HeaderWording words = new HeaderWording();

    @FXML private Label profileSource;
    @FXML private Label summary;
    @FXML private Label lastUpdate;
    @FXML private HBox overallPill;
    @FXML private Label overallText;
    @FXML private ToggleGroup views;
    @FXML private ToggleButton healthTab;
    @FXML private ToggleButton flowTab;
    @FXML private ToggleButton alertsTab;
    @FXML private ToggleButton muteToggle;
    @FXML private Glyph<HealthState> healthGlyph;
    @FXML private Glyph<FlowState> flowGlyph;
    @FXML private Glyph<Bell> alertsGlyph;
    @FXML private Glyph<Bell> muteGlyph;
    @FXML private MenuButton runbooksMenu;
    private HeaderReflow reflow;
    @FXML private MenuItem backupItem;
    @FXML private MenuItem restoreItem;
    @FXML private MenuItem upgradeItem;
    @FXML private MenuItem rollbackItem;
    @FXML private MenuItem recoverItem;
    @FXML private MenuItem stackItem;
    @FXML private ScrollPane hostScroll;
    @FXML private ScrollPane flowScroll;
    @FXML private StackPane alertsPane;
    @FXML private ToggleButton incidentsTab;
    @FXML private StackPane incidentsPane;
    @FXML private ToggleButton readinessTab;
    @FXML private StackPane readinessPane;

    MainWindowController(DashboardViewModel model, FlowViewModel flow, AlertsViewModel alerts, Consumer<String> openUrl) {
        this.model = model;
        this.flow = flow;
        this.alerts = alerts;
        this.openUrl = openUrl;
    }

    @FXML
    private void initialize() {
        profileSource.textProperty().bind(model.profileSourceProperty().map(source -> T.get("header.profile", source)));
        Tooltip profileTip = new Tooltip();
        profileTip.textProperty().bind(profileSource.textProperty());
        profileSource.setTooltip(profileTip);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(summary.textProperty());
        summary.setTooltip(summaryTip);
        healthGlyph.stateProperty().bind(model.overallStateProperty());
        flowGlyph.stateProperty().bind(flow.overallStateProperty());
        flowTab.textProperty().bind(flow.stalledCountProperty().map(n -> n.intValue() > 0 ? T.get("nav.flow.stalled", n) : T.get("nav.flow")));
        flow.overallStateProperty().addListener((o, old, state) -> Styles.FLOW.apply(flowTab, state));
        Styles.FLOW.apply(flowTab, flow.overallStateProperty().get());
        model.overallStateProperty().addListener((o, old, state) -> Styles.HEALTH.apply(healthTab, state));
        Styles.HEALTH.apply(healthTab, model.overallStateProperty().get());
        alertsTab.textProperty().bind(alerts.criticalFiringProperty().map(n -> n.intValue() > 0 ? T.get("nav.alerts.critical", n) : T.get("nav.alerts")));
        alerts.criticalFiringProperty().addListener((o, old, n) -> showCritical());
        showCritical();

        headers.put(MainWindow.View.HEALTH, model);
        headers.put(MainWindow.View.FLOW, flow);
        headers.put(MainWindow.View.ALERTS, alerts);
        headers.put(MainWindow.View.INCIDENTS, model); // an incident is about the stack's health: its header is the dashboard's
        headers.put(MainWindow.View.READINESS, model); // until offerReadiness
        headers.forEach((shownView, header) -> {
            verdictGlyphs.put(shownView, verdictGlyph(header));
            header.overallStateProperty().addListener((o, old, state) -> { if (view.get() == shownView) showBadge(); });
            header.staleProperty().addListener((o, was, stale) -> { if (view.get() == shownView) showStale(); });
        });
        showStackVerdict();
        VBox status = placeViewBadge();

        muteToggle.selectedProperty().bindBidirectional(alerts.mutedProperty());
        muteGlyph.stateProperty().bind(muteToggle.selectedProperty().map(muted -> muted ? Bell.MUTED : Bell.QUIET));
        // the bell alone while notifying (the usual case, and the header is full); the struck bell and a word when muted
        muteToggle.textProperty().bind(muteToggle.selectedProperty().map(muted -> muted ? T.get("header.muted") : ""));
        muteToggle.setTooltip(new Tooltip(words.muteTip(false)));
        muteToggle.selectedProperty().addListener((o, was, muted) -> muteToggle.getTooltip().setText(words.muteTip(muted)));
        MuteConfirmation.install(muteToggle, words);

        runbooksMenu.setDisable(true); // until offerRunbooks: a window over hand-fed models has no engines to act on
        runbooksMenu.setTooltip(new Tooltip(T.get("header.runbooks.tip")));

        io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(hostScroll);
        io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(flowScroll);
        hostScroll.setContent(new io.nightwatch.ui.dashboard.compact.DensityPane(model)); // tiles, or a cell per service at fleet size
        flowScroll.setContent(new FlowView(flow));
        alertsPane.getChildren().setAll(new AlertsView(alerts, openUrl));
        Label noLog = new Label(T.get("incidents.unavailable"));
        noLog.getStyleClass().add("incidents-unavailable");
        incidentsPane.getChildren().setAll(noLog);
        Label noAudit = new Label(io.nightwatch.ui.readiness.ReadinessWording.unavailable());
        noAudit.getStyleClass().add("incidents-unavailable");
        readinessPane.getChildren().setAll(noAudit);

        views.selectedToggleProperty().addListener((o, old, selected) -> {
            if (selected == null) {
                views.selectToggle(old); // a switch, not a set of check boxes: one view is always on show
                return;
            }
            view.set(selected == flowTab ? MainWindow.View.FLOW : selected == alertsTab ? MainWindow.View.ALERTS
                    : selected == incidentsTab ? MainWindow.View.INCIDENTS : selected == readinessTab ? MainWindow.View.READINESS
                    : MainWindow.View.HEALTH);
        });
        view.addListener((o, old, shown) -> show(shown));
        show(view.get());

        HBox header = (HBox) overallPill.getParent();
        List<Node> trailing = header.getChildren().subList(header.getChildren().indexOf(muteToggle), header.getChildren().size());
        reflow = new HeaderReflow((BorderPane) header.getParent(), header, List.copyOf(trailing), status,
                summary.textProperty(), flowTab.textProperty(), alertsTab.textProperty(), incidentsTab.textProperty(),
                runbooksMenu.textProperty());
    }

    /** The pill is the stack's verdict in every view: DOWN means the stack, never "a critical alert". */
    private void showStackVerdict() {
        overallText.textProperty().bind(model.overallTextProperty());
        overallPill.getChildren().set(0, verdictGlyph(model));
        pill(model);
        model.overallStateProperty().addListener((o, old, state) -> pill(model));
        Tooltip.install(overallPill, new Tooltip(words.pillTip()));
        overallPill.setId("stack-verdict");
    }

    /** The shown view's own badge, on the summary's line; returns the status box that holds both. */
    private VBox placeViewBadge() {
        viewBadge.getStyleClass().add("view-badge");
        viewBadge.setId("view-badge");
        viewBadge.setMinWidth(Label.USE_PREF_SIZE);
        viewBadge.managedProperty().bind(viewBadge.visibleProperty());
        VBox status = (VBox) summary.getParent();
        int at = status.getChildren().indexOf(summary);
        HBox line = new HBox(viewBadge, summary);
        line.getStyleClass().add("app-summary-line");
        line.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        status.getChildren().add(at, line);
        return status;
    }

    /**
     * Enables the runbooks menu over {@code launcher}; the menu's label counts the runs a crash left unfinished, which
     * the wizards offer for resume or abort.
     */
    void offerRunbooks(WizardLauncher launcher) {
        backupItem.setOnAction(e -> launcher.open(WizardKind.BACKUP, runbooksMenu.getScene().getWindow()));
        restoreItem.setOnAction(e -> launcher.open(WizardKind.RESTORE, runbooksMenu.getScene().getWindow()));
        upgradeItem.setOnAction(e -> launcher.open(WizardKind.UPGRADE, runbooksMenu.getScene().getWindow()));
        rollbackItem.setOnAction(e -> launcher.open(WizardKind.ROLLBACK, runbooksMenu.getScene().getWindow()));
        recoverItem.setOnAction(e -> launcher.open(WizardKind.RECOVERY, runbooksMenu.getScene().getWindow()));
        stackItem.setOnAction(e -> launcher.open(WizardKind.STACK, runbooksMenu.getScene().getWindow()));
        // "Open runbook" on an alert's detail and on a DOWN or STALLED tile
        alerts.runbookOpenerProperty().set(launcher);
        model.runbookOpenerProperty().set(launcher);
        runbooksMenu.textProperty().bind(launcher.interruptedProperty().map(n -> n.intValue() > 0 ? T.get("header.runbooks.interrupted", n) : ""));
        launcher.interruptedProperty().addListener((o, old, n) -> runbooksMenu.pseudoClassStateChanged(INTERRUPTED, n.intValue() > 0));
        runbooksMenu.setDisable(false);
    }

    /** Shows the incident panel over {@code incidents}; the switch counts the open ones. */
    void offerIncidents(io.nightwatch.ui.incident.IncidentsViewModel incidents) {
        incidents.setShowing(view.get() == MainWindow.View.INCIDENTS);
        view.addListener((o, old, shown) -> incidents.setShowing(shown == MainWindow.View.INCIDENTS));
        incidentsPane.getChildren().setAll(new io.nightwatch.ui.incident.IncidentsView(incidents));
        incidentsTab.textProperty().bind(incidents.openCountProperty().map(n -> n.intValue() > 0 ? T.get("nav.incidents.open", n) : T.get("nav.incidents")));
        incidentsTab.setTooltip(new Tooltip(T.get("nav.incidents.tip")));
        incidents.openCountProperty().addListener((o, old, n) -> incidentsTab.pseudoClassStateChanged(CRITICAL, n.intValue() > 0));
        incidentsTab.pseudoClassStateChanged(CRITICAL, incidents.openCountProperty().get() > 0);
    }

    /** Shows the Readiness view over {@code readiness}, which speaks for the header while it is on show. */
    void offerReadiness(io.nightwatch.ui.readiness.ReadinessViewModel readiness, java.time.ZoneId zone) {
        headers.put(MainWindow.View.READINESS, readiness);
        verdictGlyphs.put(MainWindow.View.READINESS, verdictGlyph(readiness));
        readiness.overallStateProperty().addListener((o, old, state) -> { if (view.get() == MainWindow.View.READINESS) showBadge(); });
        readiness.staleProperty().addListener((o, was, stale) -> { if (view.get() == MainWindow.View.READINESS) showStale(); });
        readinessPane.getChildren().setAll(new io.nightwatch.ui.readiness.ReadinessView(readiness, zone));
        readinessTab.setTooltip(new Tooltip(io.nightwatch.ui.readiness.ReadinessWording.tabTip()));
        readiness.setShowing(view.get() == MainWindow.View.READINESS);
        view.addListener((o, old, shown) -> readiness.setShowing(shown == MainWindow.View.READINESS));
        if (view.get() == MainWindow.View.READINESS) show(view.get());
    }

    /** Switches the body and the header to {@code shown}. */
    /** Puts controls into the header right after the runbooks menu (the settings menu, the engine picker). */
    void addToHeader(javafx.scene.Node... nodes) {
        reflow.insertAfter(runbooksMenu, java.util.List.of(nodes));
    }

    /** Opens the runbooks menu from the keyboard, when it is offered. */
    void openRunbooksMenu() {
        if (!runbooksMenu.isDisabled()) {
            runbooksMenu.requestFocus();
            runbooksMenu.show();
        }
    }

    void select(MainWindow.View shown) {
        Toggle wanted = switch (shown) {
            case HEALTH -> healthTab;
            case FLOW -> flowTab;
            case ALERTS -> alertsTab;
            case INCIDENTS -> incidentsTab;
            case READINESS -> readinessTab;
        };
        if (views.getSelectedToggle() != wanted) views.selectToggle(wanted);
    }

    ObjectProperty<MainWindow.View> viewProperty() { return view; }

    private void show(MainWindow.View shown) {
        flow.setShown(shown == MainWindow.View.FLOW); // hidden views stop their clocks
        alerts.setShown(shown == MainWindow.View.ALERTS);
        hostScroll.setVisible(shown == MainWindow.View.HEALTH);
        flowScroll.setVisible(shown == MainWindow.View.FLOW);
        alertsPane.setVisible(shown == MainWindow.View.ALERTS);
        incidentsPane.setVisible(shown == MainWindow.View.INCIDENTS);
        readinessPane.setVisible(shown == MainWindow.View.READINESS);
        ViewHeader<?> header = headers.get(shown);
        summary.textProperty().bind(header.summaryProperty());
        lastUpdate.textProperty().bind(header.lastUpdateProperty());
        viewBadge.textProperty().bind(header.overallTextProperty());
        viewBadge.setGraphic(verdictGlyphs.get(shown));
        viewBadge.setVisible(header != model); // on Health (and Incidents) the badge would only repeat the pill
        showBadge();
        showStale();
    }

    /** The view's badge carries exactly one state pseudo-class: the shown view's. */
    private void showBadge() {
        if (badgeStyles != null) badgeStyles.clear(viewBadge);
        badgeStyles = styled(viewBadge, headers.get(view.get()));
    }

    private static <S extends Enum<S>> EnumStyles<S> styled(Node node, ViewHeader<S> header) {
        EnumStyles<S> styles = header.verdictGlyphs().styles();
        styles.apply(node, header.overallStateProperty().get());
        return styles;
    }

    private void pill(ViewHeader<HealthState> stack) {
        EnumStyles<HealthState> styles = stack.verdictGlyphs().styles();
        styles.clear(overallPill);
        styles.apply(overallPill, stack.overallStateProperty().get());
    }

    /** One verdict glyph per view, made once and following its header's state. */
    private static <S extends Enum<S>> Glyph<S> verdictGlyph(ViewHeader<S> header) {
        Glyph<S> glyph = new Glyph<>(header.verdictGlyphs(), header.overallStateProperty().get());
        glyph.stateProperty().bind(header.overallStateProperty());
        return glyph;
    }

    /** A firing critical alert rings the bell: its mark and its colour, whichever view is on show. */
    private void showCritical() {
        boolean critical = alerts.criticalFiringProperty().get() > 0;
        alertsGlyph.setState(critical ? Bell.RINGING : Bell.QUIET);
        alertsTab.pseudoClassStateChanged(CRITICAL, critical);
    }

    private void showStale() {
        lastUpdate.pseudoClassStateChanged(STALE, headers.get(view.get()).staleProperty().get());
    }
}
