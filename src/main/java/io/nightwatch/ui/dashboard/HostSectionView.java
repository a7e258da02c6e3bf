package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Styles;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.fx.NodeMirror;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One host: a header with its engine, a banner when that engine cannot be reached, its tiles, its Swarm services. */
final class HostSectionView extends VBox {

    private static final Texts T = Texts.of(HostSectionView.class);

    private final Label name = styled(new Label(), "host-name");
    private final Label address = styled(new Label(), "host-address");
    private final Label engine = styled(new Label(), "host-engine");
    private final Label summary = styled(new Label(), "host-summary");
    private final Label bannerTitle = styled(new Label(), "engine-banner-title");
    private final Label bannerDetail = styled(new Label(), "engine-banner-detail");
    private final HBox banner = new HBox();
    private final FlowPane tiles = new FlowPane();
    private final VBox swarm = new VBox();

    HostSectionView(HostModel host) {
        this(host, null);
    }

    HostSectionView(HostModel host, DashboardViewModel dashboard) {
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
        banner.getChildren().addAll(Glyph.health(HealthState.DOWN), bannerText);
        banner.getStyleClass().add("engine-banner");
        banner.setAlignment(Pos.CENTER_LEFT);

        tiles.getStyleClass().add("host-tiles");
        swarm.getStyleClass().add("swarm-services");
        getChildren().addAll(header, banner, tiles, swarm);

        name.setText(host.name());
        summary.textProperty().bind(host.summaryProperty());
        host.engineProperty().addListener((o, old, facts) -> showEngine(facts));
        showEngine(host.getEngine());
        NodeMirror.mirror(host.getTiles(), tiles.getChildren(), m -> TilePresenter.create(m, dashboard), TilePresenter::release);
    }

    private void showEngine(HostFacts facts) {
        address.setText(facts.address());
        engine.setText(facts.engine() == HostFacts.EngineState.UNREACHABLE ? T.get("host.unreachable") : facts.engineLine());
        boolean down = facts.engine() == HostFacts.EngineState.UNREACHABLE;
        banner.setVisible(down);
        banner.setManaged(down);
        bannerTitle.setText(facts.engineLine());
        bannerDetail.setText(facts.error());
        showSwarm(facts.swarm());
        for (HostFacts.EngineState state : HostFacts.EngineState.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)), state == facts.engine());
        }
    }

    /** A row per Swarm service: state icon, name, image, replicas, the last update, where a rollback goes, its tasks. */
    private void showSwarm(List<HostFacts.SwarmRow> rows) {
        swarm.setVisible(!rows.isEmpty());
        swarm.setManaged(!rows.isEmpty());
        if (rows.isEmpty()) {
            swarm.getChildren().clear();
            return;
        }
        List<javafx.scene.Node> nodes = new ArrayList<>();
        nodes.add(styled(new Label(T.get("swarm.title")), "swarm-title"));
        for (HostFacts.SwarmRow row : rows) {
            Label name = styled(new Label(row.name()), "swarm-name");
            Label image = styled(new Label(row.image()), "swarm-image");
            Label replicas = styled(new Label(row.replicas()), "swarm-replicas");
            Label update = styled(new Label(row.update()), "swarm-update");
            Label rollback = styled(new Label(row.rollbackTo()), "swarm-rollback");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox line = new HBox(Glyph.health(row.state()), name, image, grow, update, rollback, replicas);
            line.getStyleClass().add("swarm-row");
            line.setAlignment(Pos.CENTER_LEFT);
            line.setId("swarm-" + row.name().replaceAll("[^A-Za-z0-9_-]", "-"));
            Styles.HEALTH.apply(line, row.state());
            Label tasks = styled(new Label(T.get("swarm.tasks", String.join(" · ", row.tasks()))), "swarm-tasks");
            tasks.setWrapText(true);
            VBox card = new VBox(line, tasks);
            card.getStyleClass().add("swarm-card");
            nodes.add(card);
        }
        swarm.getChildren().setAll(nodes);
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }
}
