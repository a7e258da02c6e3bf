package io.nightwatch.ui;

import io.nightwatch.ui.controls.StateGlyph;
import io.nightwatch.ui.controls.StateStyles;
import io.nightwatch.ui.dashboard.DashboardView;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;

/** Binds the FXML shell (header and scrolling centre) to the dashboard's view model. */
public final class MainWindowController {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final DashboardViewModel model;

    @FXML private Label profileSource;
    @FXML private Label summary;
    @FXML private Label lastUpdate;
    @FXML private HBox overallPill;
    @FXML private StateGlyph overallGlyph;
    @FXML private Label overallText;
    @FXML private ScrollPane hostScroll;

    MainWindowController(DashboardViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        profileSource.textProperty().bind(model.profileSourceProperty().map(source -> "profile: " + source));
        summary.textProperty().bind(model.summaryProperty());
        lastUpdate.textProperty().bind(model.lastUpdateProperty());
        model.staleProperty().addListener((o, was, stale) -> lastUpdate.pseudoClassStateChanged(STALE, stale));
        overallGlyph.stateProperty().bind(model.overallStateProperty());
        overallText.textProperty().bind(model.overallTextProperty());
        model.overallStateProperty().addListener((o, old, state) -> StateStyles.apply(overallPill, state));
        StateStyles.apply(overallPill, model.overallStateProperty().get());
        hostScroll.setContent(new DashboardView(model));
    }
}
