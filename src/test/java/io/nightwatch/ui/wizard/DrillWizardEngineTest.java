package io.nightwatch.ui.wizard;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.audit.AuditItem;
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
import io.nightwatch.store.AuditHistory;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.ui.NightwatchApp;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.readiness.ReadinessViewModel;
import io.nightwatch.ui.support.Fx;
import io.nightwatch.ui.wizard.launch.WizardKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import redis.clients.jedis.Jedis;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restore drill wizard over the real testbed, opened from the Readiness view's restore-drill item: a verified set of
 * the real Prometheus and Redis is restored into scratch containers, the data checks out, the measured RTO is shown,
 * nothing is left behind, production keeps running, the drill is recorded like the CLI's, and the next audit counts it.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class DrillWizardEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private Path data;
    private StackProfile profile;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        StackProfile reference = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        profile = reference.withServices(reference.services().stream()
                .filter(s -> s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.ALERTMANAGER || s.kind() == ServiceKind.REDIS).toList());
        Map<String, String> env = engine.clientEnv();
        HealthMonitor monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        data = Files.createTempDirectory("nightwatch-drill-wizard");
        store = AlertStore.open(data.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, env, data, Clock.systemUTC()));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void theReadinessViewOpensTheDrillWhichProvesTheSetAndIsRecorded(FxRobot robot) throws Exception {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            for (int i = 0; i < 12; i++) redis.set("session:wizard-drill-" + i, "t" + i);
        }
        String setId = backUp();

        ReadinessViewModel readiness = onFx(() -> app.window().readiness());
        Fx.click(robot, "#readinessTab");
        await(60, () -> readiness.reportProperty().get() != null);
        assertEquals(AuditItem.Status.MISSING, status(readiness, "restore-drill:stack"));
        Button open = onFx(() -> (Button) app.window().scene().lookup("#item-restore-drill-stack").lookup(".item-wizard"));
        assertEquals("Restore drill…", onFx(open::getText));
        robot.interact(open::fire);
        await(() -> wizard() != null);
        Stage wizard = onFx(this::wizard);
        assertEquals("Restore drill", text(wizard, "#wizard-title"));
        WizardModel<?> model = onFx(() -> app.wizards().model(WizardKind.DRILL).orElseThrow());

        await(30, () -> root(wizard).lookup("#set-" + setId) != null);
        click(robot, wizard, "#set-" + setId);
        await(() -> model.blockerProperty().get().isEmpty());
        click(robot, wizard, "#wizard-next");
        await(30, () -> model.getPage() == WizardPage.PREVIEW);
        List<String> preview = WizardRobot.texts(root(wizard), ".wizard-preview-line");
        assertTrue(preview.stream().anyMatch(l -> l.contains("--network none")), preview.toString());
        click(robot, wizard, "#wizard-next");
        await(240, () -> model.getPage() == WizardPage.RESULT);
        assertEquals("SUCCEEDED", text(wizard, "#wizard-outcome-word"), () -> String.join("\n", model.output()));
        assertEquals("RTO ACHIEVED", text(wizard, "#wizard-duration-caption"));
        assertTrue(model.output().stream().anyMatch(l -> l.contains("OK redis") && l.contains("keys, as in the set")),
                () -> String.join("\n", model.output()));
        Files.copy(Screenshots.save(wizard.getScene(), "drill-wizard.png"), Path.of("docs", "images", "drill-wizard.png"),
                StandardCopyOption.REPLACE_EXISTING);

        AuditHistory.DrillRun drill = store.audits().lastDrill().orElseThrow(() -> new AssertionError("the drill was not recorded"));
        assertTrue(drill.ok());
        assertEquals(setId, drill.set());
        assertEquals(java.util.Set.of("prometheus", "redis"), java.util.Set.copyOf(drill.services()));
        assertEquals("", engine.docker("ps", "-aq", "--filter", "label=io.nightwatch.drill=true"), "scratch containers removed");
        assertEquals("", engine.docker("volume", "ls", "-q", "--filter", "label=io.nightwatch.drill=true"), "scratch volumes removed");
        assertEquals("running", engine.docker("inspect", "-f", "{{.State.Status}}", "sva-studio-redis"), "production untouched");
        robot.interact(wizard::close);

        Fx.click(robot, "#readiness-run");
        await(90, () -> readiness.history().size() == 2 && !readiness.runningProperty().get());
        assertEquals(AuditItem.Status.OK, status(readiness, "restore-drill:stack"));
    }

    private static AuditItem.Status status(ReadinessViewModel model, String id) throws Exception {
        return onFx(() -> model.reportProperty().get().item(id).orElseThrow(() -> new AssertionError("no item " + id)).status());
    }

    /** A verified set of Prometheus and Redis, made by the backup runbook; returns its id. */
    private String backUp() throws Exception {
        awaitSeries();
        Path backups = data.resolve("backups");
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), engine.clientEnv()))) {
            Map<String, String> params = Map.of("services", "prometheus,redis", "to", backups.toString());
            RunResult r = new RunbookRunner(data.resolve("runs"), Clock.systemUTC())
                    .run(new BackupRunbook(profile, Map.of(), h -> gateway, backups, Clock.systemUTC()).build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
        }
        try (Stream<Path> sets = Files.list(backups)) {
            return sets.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static void awaitSeries() throws Exception {
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

    private Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s != app.window().scene().getWindow()
                        && s.getScene().getRoot().lookup("#wizard-title") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }
}
