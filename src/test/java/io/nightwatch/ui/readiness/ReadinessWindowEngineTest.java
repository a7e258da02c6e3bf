package io.nightwatch.ui.readiness;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.Fx;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window (the application as it starts, over a temporary history and data folder) audits the real testbed
 * (Prometheus, Alertmanager, Redis in the private engine) from its Readiness view: NOT READY with the testbed's gaps,
 * the filter, a copied fix, then a backup of the real services and a second audit whose better score is on the chart.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class ReadinessWindowEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private Path data;
    private StackProfile profile;
    private Stage stage;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    /** The reference stack as the testbed runs it: Prometheus, Alertmanager and Redis. */
    static StackProfile testbedProfile() {
        StackProfile reference = ReferenceStack.profile().withPrimaryHostAddress(TestEngine.shared().dockerHost().toString());
        return reference.withServices(reference.services().stream()
                .filter(s -> s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.ALERTMANAGER || s.kind() == ServiceKind.REDIS)
                .toList());
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        profile = testbedProfile();
        Map<String, String> env = engine.clientEnv();
        HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        data = Files.createTempDirectory("nightwatch-readiness-engine");
        store = AlertStore.open(data.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, env, data, Clock.systemUTC()));
        app.start(stage);
        stage.setWidth(1100);
        stage.setHeight(700);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void theWindowAuditsTheTestbedFiltersCopiesAndShowsTheScoreRising(FxRobot robot) throws Exception {
        ReadinessViewModel model = onFx(() -> app.window().readiness());
        Fx.click(robot, "#readinessTab"); // the first showing audits
        await(60, () -> model.reportProperty().get() != null);
        assertEquals(MainWindow.View.READINESS, onFx(() -> app.window().shown()));
        assertEquals(Verdict.NOT_READY, onFx(() -> model.phaseProperty(Phase.PRODUCTION).get()));
        assertEquals("NOT READY", text(robot, "#phase-production"));
        assertEquals("NOT READY", onFx(() -> app.window().scene().lookup("#view-badge") instanceof Labeled l ? l.getText() : ""),
                "the shown view's badge speaks for it (the pill keeps the stack's verdict)");
        int firstOk = onFx(() -> model.reportProperty().get().ok());
        int total = onFx(() -> model.reportProperty().get().total());
        assertEquals(firstOk + " / " + total + " OK", text(robot, "#readiness-score"));
        // the testbed's known gaps, with their wizard where a runbook fixes them
        assertEquals(AuditItem.Status.MISSING, status(model, "cpu-limit:local/redis"));
        assertEquals(AuditItem.Status.MISSING, status(model, "backup-rpo:local/redis"));
        assertEquals("Back up…", onFx(() -> ((Button) card(robot, "backup-rpo:local/redis").lookup(".item-wizard")).getText()));
        assertEquals("Restore drill…", onFx(() -> ((Button) card(robot, "restore-drill:stack").lookup(".item-wizard")).getText()));

        Screenshots.save(app.window().scene(), "readiness-first.png");
        // only the gaps
        int shownBefore = onFx(() -> robot.lookup(".readiness-item").queryAll().size());
        Fx.click(robot, "#readiness-only-open");
        await(() -> robot.lookup(".readiness-item").queryAll().stream().noneMatch(n -> ((ReadinessItem) n.getUserData()).ok()));
        int shownAfter = onFx(() -> robot.lookup(".readiness-item").queryAll().size());
        assertEquals(total - firstOk, shownAfter);
        assertTrue(shownAfter < shownBefore);

        // copy a fix: the clipboard gets it cleaned
        List<String> copied = new ArrayList<>();
        robot.interact(() -> ((ReadinessView) app.window().scene().lookup(".readiness-view")).setClipboard(copied::add));
        Button copy = onFx(() -> (Button) card(robot, "backup-rpo:local/redis").lookup(".item-copy"));
        robot.interact(copy::fire); // further down the list than the window shows
        assertEquals(List.of("nightwatch backup --service redis (and schedule it within the RPO of 24 h)"), copied);
        assertEquals("Fix copied (secrets redacted).", text(robot, "#readiness-message"));

        // a backup of the real services, then the audit again: the score rises on the chart
        backUp();
        Fx.click(robot, "#readiness-run");
        await(90, () -> model.history().size() == 2 && !model.runningProperty().get());
        assertEquals(AuditItem.Status.OK, status(model, "backup-rpo:local/redis"));
        int secondOk = onFx(() -> model.reportProperty().get().ok());
        assertTrue(secondOk > firstOk, firstOk + " then " + secondOk);
        assertEquals("2 audits · first " + firstOk + " / " + total + ", now " + secondOk + " / " + total, text(robot, "#readiness-trend"));
        assertEquals(2, store.audits().list(10).size(), "both audits are in the history, as the CLI's are");

        Fx.click(robot, "#readiness-only-open"); // the whole checklist for the picture
        Path shot = Screenshots.save(app.window().scene(), "readiness.png");
        Files.copy(shot, Path.of("docs", "images", "readiness.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static AuditItem.Status status(ReadinessViewModel model, String id) throws Exception {
        return onFx(() -> model.reportProperty().get().item(id).orElseThrow(() -> new AssertionError("no item " + id)).status());
    }

    private static Node card(FxRobot robot, String id) {
        return robot.lookup("#item-" + id.replaceAll("[^A-Za-z0-9-]", "-")).query();
    }

    /** What an operator does from the "Back up…" button, done by the runbook directly: a verified set of Prometheus and Redis. */
    private void backUp() throws Exception {
        awaitSeries();
        Path backups = data.resolve("backups");
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), engine.clientEnv()))) {
            Map<String, String> params = Map.of("services", "prometheus,redis", "to", backups.toString());
            RunResult r = new RunbookRunner(data.resolve("runs"), Clock.systemUTC())
                    .run(new BackupRunbook(profile, Map.of(), h -> gateway, backups, Clock.systemUTC()).build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
        }
    }

    static void awaitSeries() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/api/v1/query?query=count(up)")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"result\":[{")) return;
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus has not scraped itself within 30 s");
    }
}
