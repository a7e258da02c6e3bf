package io.nightwatch.ui.dashboard;

import io.nightwatch.health.HealthState;
import io.nightwatch.ui.NodeMirror;
import io.nightwatch.ui.controls.StateGlyph;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** One host: a header with its engine, a banner when that engine cannot be reached, then its tiles. */
final class HostSectionView extends VBox {

    private final Label name = styled(new Label(), "host-name");
    private final Label address = styled(new Label(), "host-address");
    private final Label engine = styled(new Label(), "host-engine");
    private final Label summary = styled(new Label(), "host-summary");
    private final Label bannerTitle = styled(new Label(), "engine-banner-title");
    private final Label bannerDetail = styled(new Label(), "engine-banner-detail");
    private final HBox banner = new HBox();
    private final FlowPane tiles = new FlowPane();

    HostSectionView(HostModel host) {
        getStyleClass().add("host-section");
        setId("host-" + host.name().replaceAll("[^A-Za-z0-9_-]", "-"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        address.setMinWidth(0);
        HBox header = new HBox(name, address, spacer, engine, summary);
        header.getStyleClass().add("host-header");
        header.setAlignment(Pos.BASELINE_LEFT);

        bannerDetail.setWrapText(true);
        VBox bannerText = new VBox(bannerTitle, bannerDetail);
        banner.getChildren().addAll(new StateGlyph(HealthState.DOWN), bannerText);
        banner.getStyleClass().add("engine-banner");
        banner.setAlignment(Pos.CENTER_LEFT);

        tiles.getStyleClass().add("host-tiles");
        getChildren().addAll(header, banner, tiles);

        name.setText(host.name());
        summary.textProperty().bind(host.summaryProperty());
        host.engineProperty().addListener((o, old, facts) -> showEngine(facts));
        showEngine(host.getEngine());
        NodeMirror.mirror(host.getTiles(), tiles.getChildren(), TilePresenter::create, TilePresenter::release);
    }

    private void showEngine(HostFacts facts) {
        address.setText(facts.address());
        engine.setText(facts.engine() == HostFacts.EngineState.UNREACHABLE ? "engine unreachable" : facts.engineLine());
        boolean down = facts.engine() == HostFacts.EngineState.UNREACHABLE;
        banner.setVisible(down);
        banner.setManaged(down);
        bannerTitle.setText(facts.engineLine());
        bannerDetail.setText(facts.error());
        for (HostFacts.EngineState state : HostFacts.EngineState.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)), state == facts.engine());
        }
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
