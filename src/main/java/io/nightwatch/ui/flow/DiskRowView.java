package io.nightwatch.ui.flow;

import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.controls.Sparkline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One data volume: icon, service and path, time to full; then a used/size bar, free space and the usage trend. */
final class DiskRowView extends VBox {

    private final Glyph<HealthState> glyph = Glyph.health();
    private final Label origin = label("disk-origin");
    private final Label path = label("disk-path");
    private final Label timeToFull = label("disk-ttf");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label free = label("disk-free");
    private final Sparkline trend = new Sparkline();
    private final Tooltip tooltip = new Tooltip();

    DiskRowView(LiveItem<DiskFacts> item) {
        getStyleClass().add("disk-row");
        setId("disk-" + item.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        timeToFull.setMinWidth(Region.USE_PREF_SIZE);
        origin.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(glyph, origin, path, spacer, timeToFull);
        top.getStyleClass().add("disk-top");
        top.setAlignment(Pos.CENTER_LEFT);

        bar.getStyleClass().add("disk-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        free.setMinWidth(0);
        free.setMaxWidth(Region.USE_PREF_SIZE);
        trend.getStyleClass().add("disk-sparkline");
        trend.setZeroBaseline(false); // usage moves in a narrow band far above zero; the shape is the news
        HBox bottom = new HBox(bar, free, trend);
        bottom.getStyleClass().add("disk-bottom");
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, bottom);
        Tooltip.install(this, tooltip);
        Presenters.follow(item, this, this::show);
    }

    private void show(DiskFacts facts) {
        Styles.HEALTH.apply(this, facts.level());
        glyph.setState(facts.level());
        origin.setText(facts.origin());
        path.setText(facts.path());
        timeToFull.setText(facts.timeToFull());
        bar.setProgress(Math.max(0, Math.min(1, facts.usedFraction())));
        // What stops the measuring goes on the long line; it never pushes the name and path out of the short one.
        boolean measured = facts.level() != io.nightwatch.health.HealthState.UNKNOWN;
        bar.setVisible(measured); // an empty bar would read as "0 % used"
        bar.setManaged(measured);
        if (!measured) free.setText(facts.problem().isEmpty() ? facts.freeText() : facts.problem());
        else free.setText(facts.problem().isEmpty() ? facts.freeText() : facts.freeText() + " · " + facts.problem());
        trend.show(facts.used(), facts.used().size() == 0 ? FlowState.UNKNOWN : FlowState.FLOWING);
        tooltip.setText(facts.origin() + " " + facts.path() + "\n" + facts.freeText()
                + (facts.timeToFull().isEmpty() ? "" : "\n" + facts.timeToFull())
                + (facts.problem().isEmpty() ? "" : "\n" + facts.problem()));
    }

    private static Label label(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        return label;
    }
}
