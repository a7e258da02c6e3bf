package io.nightwatch.ui.dashboard;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthEvaluator;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.runbook.backup.BackupAges;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.FakeFlow;
import io.nightwatch.ui.FakeStack;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.nightwatch.ui.FakeStack.EDGE;
import static io.nightwatch.ui.FakeStack.LOCAL;
import static io.nightwatch.ui.FakeStack.MIB;
import static io.nightwatch.ui.FakeStack.NOW;
import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.textSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Health view in German (issue 13): the real main window over a night whose verdicts the real HealthEvaluator
 * words in the chosen language — Redis killed, Promtail OOM-looping with its flow stalled, Grafana marked not deployed,
 * the edge engine gone. It keeps docs/images/dashboard-de.png, and checks that the longer German words neither widen
 * a tile nor get cut off or spill out of it.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardGermanTest {

    /** Labels built to wrap into a fixed two-line box and end in an ellipsis when longer (the full text is in the tooltip). */
    private static final List<String> ELLIPSIS_BY_DESIGN = List.of("tile-reason", "tile-findings");

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToEnglish() throws Exception {
        Language.use(Language.EN);
        if (window != null) onFx(() -> { window.dispose(); return null; });
    }

    @Test
    void theHealthViewSpeaksGermanAndTheTilesKeepTheirShape(FxRobot robot) throws Exception {
        Map<String, Double> englishWidths = tileWidths(render(Language.EN, robot));
        onFx(() -> { window.dispose(); return null; });

        render(Language.DE, robot);
        Node root = window.scene().getRoot();

        // The words people read first.
        assertEquals("ausgefallen", stateWord(robot, "local-redis"));
        assertEquals("ausgefallen", stateWord(robot, "local-promtail"));
        assertEquals("eingeschränkt", stateWord(robot, "local-loki"));
        assertEquals("läuft", stateWord(robot, "local-prometheus"));
        assertEquals("unbekannt", stateWord(robot, "edge-redis"));
        assertEquals("hier nicht im Einsatz", stateWord(robot, "local-grafana"));
        assertTrue(textSet(tile(robot, "local-promtail"), ".tile-trend-value").contains("steht"),
                textSet(tile(robot, "local-promtail"), ".tile-trend-value").toString());
        assertTrue(onFx(() -> tile(robot, "local-redis").getReason()).startsWith("beendet (Code 137, OOM-Kill) vor 2 s"),
                onFx(() -> tile(robot, "local-redis").getReason()));
        assertEquals("auf local nicht im Einsatz (im Fenster markiert)", onFx(() -> tile(robot, "local-grafana").getReason()));
        assertTrue(onFx(() -> tile(robot, "edge-prometheus").getReason()).startsWith("Engine unter " + FakeStack.EDGE_ADDRESS_SHOWN),
                onFx(() -> tile(robot, "edge-prometheus").getReason()));
        assertTrue(textSet(tile(robot, "local-redis"), ".tile-caption").containsAll(List.of("PRÜFUNG", "LAUFZEIT", "NEUSTARTS", "SPEICHER", "FEHLER", "SICHERUNG")),
                textSet(tile(robot, "local-redis"), ".tile-caption").toString());
        assertEquals("ungeprüft · RPO 24 h", onFx(() -> tile(robot, "local-redis").getBackupSummary()));
        assertEquals("keine Daten zu sichern", onFx(() -> tile(robot, "local-promtail").getBackupSummary()));
        assertEquals("ausgefallen", onFx(() -> window.model().overallTextProperty().get()));
        assertTrue(onFx(() -> window.model().summaryProperty().get()).startsWith("8 Dienste · 3 laufen · 1 eingeschränkt · 2 ausgefallen"),
                onFx(() -> window.model().summaryProperty().get()));
        assertEquals("Zustand", onFx(() -> ((Labeled) root.lookup("#healthTab")).getText()));
        assertTrue(onFx(() -> ((Labeled) root.lookup("#flowTab")).getText()).startsWith("Datenfluss"));

        // The picture first, so that a failing layout check below can be looked at.
        Path shot = Screenshots.save(window.scene(), "dashboard-de.png");
        Path docs = Path.of("docs", "images");
        Files.createDirectories(docs);
        Files.copy(shot, docs.resolve("dashboard-de.png"), StandardCopyOption.REPLACE_EXISTING);

        // Long German words: every tile exactly as wide as in English, nothing cut off, nothing outside its tile.
        Map<String, Double> germanWidths = tileWidths(root);
        assertEquals(englishWidths, germanWidths, "tile widths, English then German");
        assertEquals(List.of(), onFx(() -> clippedOrSpilling(root)), "tile labels cut off (…) or outside their tile");

        // The Flow view speaks German too: lanes, a stalled stage, the panels below.
        Thread flowMonitor = new Thread(() -> window.flow().publish(FakeFlow.stalled()), "fake-flow-monitor");
        flowMonitor.start();
        flowMonitor.join();
        robot.interact(() -> window.show(MainWindow.View.FLOW));
        await(() -> root.lookupAll(".stage-card").size() > 0 && window.flow().overallTextProperty().get().endsWith(" steht"));
        assertTrue(onFx(() -> textSet(root, ".lane-title")).containsAll(List.of("Metriken", "Logs", "Alarme", "Sitzungen (Redis)")),
                onFx(() -> textSet(root, ".lane-title")).toString());
        assertTrue(onFx(() -> textSet(root, ".stage-state")).contains("steht"), onFx(() -> textSet(root, ".stage-state")).toString());
        assertTrue(onFx(() -> textSet(root, ".panel-title")).containsAll(List.of("Datenträger", "Fehlerzeilen")),
                onFx(() -> textSet(root, ".panel-title")).toString());
        Screenshots.save(window.scene(), "flow-de.png"); // for a person to look at; not in the README
    }

    /** Shows the window in {@code language} over the night, its flow and its backups, and waits until the tiles show them. */
    private Node render(Language language, FxRobot robot) throws Exception {
        Language.use(language);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        window = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = MainWindow.of(new DashboardViewModel(FakeStack.profile(), clock),
                    new FlowViewModel(FakeStack.profile(), FlowSettings.DEFAULT, clock), Theme.DARK);
            w.showIn(stage);
            return w;
        }).get(30, java.util.concurrent.TimeUnit.SECONDS); // the first window of a JVM loads its stylesheets
        HealthSnapshot night = night(); // worded now, in the language just chosen
        Thread monitor = new Thread(() -> {
            window.model().publish(night);
            window.model().publishFlow(FakeFlow.stalled());
            window.model().publishBackups(new BackupAges(Map.of(
                    "prometheus", Optional.of(NOW.minus(Duration.ofHours(3))),
                    "redis", Optional.empty(),
                    "alertmanager", Optional.of(NOW.minus(Duration.ofHours(30)))), Duration.ofHours(24), NOW));
        }, "fake-monitor");
        monitor.start();
        monitor.join();
        await(() -> tile(robot, "local-redis").getState() == HealthState.DOWN && tile(robot, "local-promtail").getTrend() != null
                && !tile(robot, "local-redis").getBackupSummary().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return window.scene().getRoot();
    }

    private static Map<String, Double> tileWidths(Node root) throws Exception {
        return onFx(() -> {
            Map<String, Double> widths = new TreeMap<>();
            for (Node tile : root.lookupAll(".health-tile")) widths.put(tile.getId(), tile.getLayoutBounds().getWidth());
            return widths;
        });
    }

    /** Every visible label in a tile whose shown text was shortened, or that reaches outside the tile. FX thread. */
    private static List<String> clippedOrSpilling(Node root) {
        List<String> found = new ArrayList<>();
        for (Node tile : root.lookupAll(".health-tile")) {
            Bounds inTile = tile.getLayoutBounds();
            for (Node n : tile.lookupAll(".label")) {
                if (!(n instanceof Labeled label) || !visible(label, tile) || label.getText() == null || label.getText().isEmpty()) continue;
                String where = tile.getId() + " " + label.getStyleClass() + " \"" + label.getText() + "\"";
                boolean byDesign = label.getStyleClass().stream().anyMatch(ELLIPSIS_BY_DESIGN::contains);
                if (!byDesign && !shown(label).equals(label.getText())) found.add(where + " shows \"" + shown(label) + "\"");
                if (!byDesign && label.prefWidth(-1) > label.getWidth() + 0.5) {
                    found.add(where + " needs " + label.prefWidth(-1) + " px, has " + label.getWidth());
                }
                Bounds b = tile.sceneToLocal(label.localToScene(label.getLayoutBounds()));
                if (b.getMinX() < inTile.getMinX() - 0.5 || b.getMaxX() > inTile.getMaxX() + 0.5) {
                    found.add(where + " spills out of its tile (" + b.getMinX() + ".." + b.getMaxX() + ")");
                }
            }
        }
        return found;
    }

    private static boolean visible(Node n, Node upTo) {
        for (Node at = n; at != null && at != upTo; at = at.getParent()) if (!at.isVisible()) return false;
        return true;
    }

    /** The text the label's skin actually draws (with "…" when it had to shorten it). */
    private static String shown(Labeled label) {
        return label.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).map(c -> ((Text) c).getText())
                .findFirst().orElse("");
    }

    private static String stateWord(FxRobot robot, String id) throws Exception {
        return onFx(() -> ((Labeled) tile(robot, id).lookup(".tile-state")).getText());
    }

    private static HealthTile tile(FxRobot robot, String id) {
        return robot.lookup("#tile-" + id).queryAs(HealthTile.class);
    }

    /** The night of FakeStack, but judged by the real HealthEvaluator so that every reason is worded by the bundles. */
    private static HealthSnapshot night() {
        Texts probe = Texts.of(ProbeResult.class);
        EngineStatus local = EngineStatus.reachable("local", FakeStack.LOCAL_ADDRESS, "27.5.1", "1.47", NOW);
        EngineStatus edge = EngineStatus.unreachable("edge", FakeStack.EDGE_ADDRESS_SHOWN, "connect timed out after 3 s", NOW);
        List<ServiceHealth> services = List.of(
                judge(spec(LOCAL, ServiceKind.ALERTMANAGER), local, running("sva-studio-alertmanager", "prom/alertmanager:v0.27.0", Duration.ofDays(3), 128, 0),
                        new MemoryUsage(38 * MIB, 128 * MIB), direct(3, probe.get("probe.returns", "/-/healthy", 200))),
                HealthEvaluator.notDeployed(spec(LOCAL, ServiceKind.GRAFANA), false, NOW),
                judge(spec(LOCAL, ServiceKind.LOKI), local, running("sva-studio-loki", "grafana/loki:3.1.1", Duration.ofMinutes(1), 512, 1),
                        new MemoryUsage(421 * MIB, 512 * MIB),
                        ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(6), probe.get("probe.returns", "/ready", 503))),
                judge(spec(LOCAL, ServiceKind.OTEL_COLLECTOR), local,
                        running("sva-studio-otel-collector", "otel/opentelemetry-collector-contrib:0.104.0", Duration.ofDays(3), 256, 1),
                        new MemoryUsage(61 * MIB, 256 * MIB),
                        new ProbeResult(ProbeOutcome.HEALTHY, ProbeTransport.ENGINE_HEALTHCHECK, Optional.empty(),
                                probe.get("probe.healthcheck.healthy"), probe.get("probe.refused", "127.0.0.1:13133"))),
                judge(spec(LOCAL, ServiceKind.PROMETHEUS), local, running("sva-studio-prometheus", "prom/prometheus:v2.53.1", Duration.ofDays(3), 1024, 1),
                        new MemoryUsage(230 * MIB, 1024 * MIB),
                        new ProbeResult(ProbeOutcome.HEALTHY, ProbeTransport.EXEC, Optional.of(Duration.ofMillis(41)),
                                probe.get("probe.returns", "/-/healthy", 200), probe.get("probe.refused", "127.0.0.1:9090"))),
                judge(spec(LOCAL, ServiceKind.PROMTAIL), local,
                        container("sva-studio-promtail", "grafana/promtail:3.1.1", ContainerState.RESTARTING, 4, 137, Duration.ofMinutes(3), 64, 1),
                        null, ProbeResult.notProbed(probe.get("probe.notRunning"))),
                judge(spec(LOCAL, ServiceKind.REDIS), local,
                        container("sva-studio-redis", "redis:7.2.5-alpine", ContainerState.EXITED, 0, 137, Duration.ofHours(5), 0, 0),
                        null, ProbeResult.notProbed(probe.get("probe.notRunning"))),
                judge(spec(EDGE, ServiceKind.PROMETHEUS), edge, null, null,
                        ProbeResult.unreachable(ProbeTransport.DIRECT, probe.get("probe.noConnection", "10.20.0.7:9090"))),
                judge(spec(EDGE, ServiceKind.REDIS), edge, null, null,
                        ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(2), "PING → PONG")));
        return new HealthSnapshot(NOW, List.of(local.withSwarm(FakeStack.swarm()), edge), services);
    }

    private static ServiceHealth judge(ServiceSpec spec, EngineStatus engine, ContainerFacts container, MemoryUsage memory, ProbeResult probe) {
        return HealthEvaluator.evaluate(new HealthEvaluator.Input(spec, engine, Optional.ofNullable(container), Optional.ofNullable(memory),
                probe, Optional.empty(), NOW));
    }

    private static ServiceSpec spec(io.nightwatch.stack.DockerHostSpec host, ServiceKind kind) {
        return FakeStack.spec(host, kind);
    }

    private static ProbeResult direct(long millis, String detail) {
        return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(millis), detail);
    }

    private static ContainerFacts running(String name, String image, Duration up, long limitMib, double cpus) {
        ContainerFacts c = container(name, image, ContainerState.RUNNING, 0, 0, up, limitMib, cpus);
        return new ContainerFacts(c.id(), c.name(), c.image(), c.state(), HealthcheckStatus.HEALTHY, "", 0, false, 0,
                c.startedAt(), c.finishedAt(), c.memoryLimitBytes(), c.nanoCpus(), Map.of(), "");
    }

    private static ContainerFacts container(String name, String image, ContainerState state, int restarts, int exitCode,
                                            Duration since, long limitMib, double cpus) {
        Instant started = NOW.minus(since);
        return new ContainerFacts("c0ffee" + name.hashCode(), name, image, state, HealthcheckStatus.NONE, "", restarts, exitCode == 137,
                exitCode, Optional.of(started), state == ContainerState.RUNNING ? Optional.empty() : Optional.of(NOW.minusSeconds(2)),
                limitMib * MIB, (long) (cpus * 1e9), Map.of(), "");
    }
}
