package io.nightwatch.ui.dashboard;

import io.nightwatch.ui.fx.NodeMirror;
import javafx.scene.layout.VBox;

/** The scrolling body of the main window: one section per host, in profile order. Nodes and layout only. */
public final class DashboardView extends VBox {

    public DashboardView(DashboardViewModel model) {
        getStyleClass().add("dashboard");
        NodeMirror.mirror(model.getHosts(), getChildren(), host -> new HostSectionView(host, model), section -> { });
    }
}
