package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.AuditRunner;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.store.AuditHistory;
import io.nightwatch.ui.wizard.launch.WizardKind;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Readiness model without an engine: a real {@link AuditReport} built from items (as the runner builds it) comes
 * from a hand-made source, and the phases, score, header, groups, filter, wizard links, copy and history follow.
 */
@ExtendWith(ApplicationExtension.class)
class ReadinessViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-06T03:12:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<ReadinessViewModel> models = new ArrayList<>();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage; // the models' answers arrive on the FX thread; one test also shows the view
    }

    @AfterEach
    void dispose() throws Exception {
        onFx(() -> {
            models.forEach(ReadinessViewModel::dispose);
            return null;
        });
    }

    /** Items as the testbed audit has them: a critical Redis gap, a drill never done, and OK items. */
    static AuditReport report(Instant at) {
        return AuditReport.of(at, List.of(
                new AuditItem("memory-limit:local/redis", Category.RESOURCES, "local/redis", Status.OK, Risk.HIGH,
                        "HostConfig.Memory of sva-studio-redis: 256 MiB", "", Optional.empty()),
                new AuditItem("cpu-limit:local/redis", Category.RESOURCES, "local/redis", Status.MISSING, Risk.MEDIUM,
                        "HostConfig.NanoCpus of sva-studio-redis: 0 (no limit)", "redis:\n  cpus: \"1.0\"", Optional.empty()),
                new AuditItem("receiver-human:local/alertmanager", Category.ALERTING, "local/alertmanager", Status.MISSING, Risk.CRITICAL,
                        "route receivers: nightwatch (webhook http://nightwatch:9095/hook) and nothing that reaches a human",
                        "receivers:\n  - name: oncall\n    email_configs: [{to: oncall@example.org}]", Optional.empty()),
                new AuditItem("backup-rpo:local/redis", Category.DATA_SAFETY, "local/redis", Status.MISSING, Risk.CRITICAL,
                        "no verified backup set holding redis in /data/backups", "nightwatch backup --service redis", Optional.of("backup")),
                new AuditItem("restore-drill:stack", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.HIGH,
                        "no restore drill recorded", "nightwatch drill restore", Optional.of("restore")),
                new AuditItem("grafana-admin:local/grafana", Category.SECRETS, "local/grafana", Status.RISK, Risk.HIGH,
                        "GF_SECURITY_ADMIN_PASSWORD is weak in the container's env",
                        "docker compose: environment: password=hunter2hunter2 (replace)", Optional.empty()),
                new AuditItem("log-rotation:local/redis", Category.LOGGING, "local/redis", Status.OK, Risk.MEDIUM,
                        "json-file max-size 10m max-file 3", "", Optional.empty())), List.of());
    }

    /** A source that answers from memory; its audit may wait for the test (to see the progress). */
    static final class HandSource implements ReadinessSource {
        volatile AuditReport next = report(NOW);
        volatile Exception failure;
        volatile CountDownLatch hold;
        volatile RuntimeException historyFailure;
        final List<AuditHistory.AuditRun> runs = new ArrayList<>();

        @Override
        public AuditReport audit(AuditRunner.Progress progress) throws Exception {
            progress.step(1, 4, "the container of redis");
            if (hold != null && !hold.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let go");
            if (failure != null) throw failure;
            synchronized (runs) {
                runs.add(new AuditHistory.AuditRun(next.takenAt(), next.verdict().name(), next.phases().get(Phase.DEVELOPMENT).name(),
                        next.phases().get(Phase.STAGING).name(), next.phases().get(Phase.PRODUCTION).name(), next.ok(), next.total(), "[]"));
            }
            return next;
        }

        @Override
        public List<AuditHistory.AuditRun> history(int limit) {
            if (historyFailure != null) throw historyFailure;
            synchronized (runs) {
                return List.copyOf(runs);
            }
        }
    }

    private ReadinessViewModel model(ReadinessSource source) throws Exception {
        ReadinessViewModel m = onFx(() -> new ReadinessViewModel(source, clock));
        models.add(m);
        return m;
    }

    @Test
    void anAuditShowsPhasesScoreAndTheGapsFirstByCategory() throws Exception {
        HandSource source = new HandSource();
        ReadinessViewModel m = model(source);
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.reportProperty().get() != null);

        assertEquals(Verdict.NOT_READY, onFx(() -> m.phaseProperty(Phase.PRODUCTION).get()));
        assertEquals(Verdict.NOT_READY, onFx(() -> m.phaseProperty(Phase.STAGING).get()));
        assertEquals(Verdict.CONDITIONAL, onFx(() -> m.phaseProperty(Phase.DEVELOPMENT).get()));
        assertEquals("2 / 7 OK", onFx(() -> m.scoreProperty().get()));
        assertEquals("NOT READY", onFx(() -> m.overallTextProperty().get()));
        assertEquals(Verdict.NOT_READY, onFx(() -> m.overallStateProperty().get()));
        assertEquals("2 / 7 OK · 2 critical, 2 high open", onFx(() -> m.summaryProperty().get()));
        assertEquals("audited 03:12", onFx(() -> m.lastUpdateProperty().get()));
        assertFalse(onFx(() -> m.staleProperty().get()));

        List<ItemGroup> groups = onFx(() -> List.copyOf(m.groups()));
        assertEquals(List.of("Resources", "Logging", "Secrets", "Alerting", "Data safety"), groups.stream().map(ItemGroup::title).toList(),
                "the checklist's order");
        ItemGroup resources = groups.get(0);
        assertEquals("1 of 2 OK", resources.count());
        assertEquals(List.of("cpu-limit:local/redis", "memory-limit:local/redis"), resources.items().stream().map(ReadinessItem::id).toList(),
                "the gap before the OK item");
        ItemGroup safety = groups.get(4);
        assertEquals(List.of("backup-rpo:local/redis", "restore-drill:stack"), safety.items().stream().map(ReadinessItem::id).toList(),
                "critical before high");
        assertEquals(Optional.of(WizardKind.BACKUP), safety.items().get(0).wizard());
        assertEquals(Optional.of(WizardKind.DRILL), safety.items().get(1).wizard(), "the drill item opens the drill, not a restore");
        assertEquals(Optional.empty(), resources.items().get(0).wizard());

        ReadinessItem grafana = groups.get(2).items().get(0);
        assertFalse(grafana.fix().contains("hunter2"), "shown redacted: " + grafana.fix());
        String copied = onFx(() -> m.copyFix(grafana));
        assertFalse(copied.contains("hunter2"), copied);
        assertTrue(copied.startsWith("docker compose: environment:"), copied);
        assertEquals(ReadinessWording.copied(), onFx(() -> m.messageProperty().get()));

        await(() -> m.history().size() == 1); // read again after the audit: this audit is on the chart
        assertEquals(2, onFx(() -> m.history().get(0).ok()));
    }

    @Test
    void theFilterKeepsOnlyWhatIsNotOk() throws Exception {
        HandSource source = new HandSource();
        ReadinessViewModel m = model(source);
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.reportProperty().get() != null);

        onFx(() -> { m.onlyNotOkProperty().set(true); return null; });
        List<ItemGroup> groups = onFx(() -> List.copyOf(m.groups()));
        assertEquals(List.of("Resources", "Secrets", "Alerting", "Data safety"), groups.stream().map(ItemGroup::title).toList(),
                "logging is all OK: gone");
        assertTrue(groups.stream().flatMap(g -> g.items().stream()).noneMatch(ReadinessItem::ok));
        assertEquals("1 of 2 OK", groups.get(0).count(), "the count still tells the whole category");

        source.next = AuditReport.of(NOW, List.of(new AuditItem("log-rotation:local/redis", Category.LOGGING, "local/redis", Status.OK,
                Risk.MEDIUM, "json-file max-size 10m", "", Optional.empty())), List.of());
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.groups().isEmpty());
        assertEquals(ReadinessWording.allOk(), onFx(() -> m.placeholderProperty().get()));
        assertEquals("READY", onFx(() -> m.overallTextProperty().get()));
        onFx(() -> { m.onlyNotOkProperty().set(false); return null; });
        assertEquals(1, onFx(() -> m.groups().size()));
    }

    @Test
    void theAuditRunsInTheBackgroundWithProgressAndSaysWhyItFailed() throws Exception {
        HandSource source = new HandSource();
        source.hold = new CountDownLatch(1);
        source.failure = new IllegalStateException("the engine of local did not answer");
        ReadinessViewModel m = model(source);
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.progressTextProperty().get().equals("Reading the container of redis (2 of 4)"));
        assertTrue(onFx(() -> m.runningProperty().get()));
        assertEquals(0.25, onFx(() -> m.progressProperty().get()), 1e-9);
        onFx(() -> { m.runAudit(); return null; }); // a second click while it runs changes nothing
        source.hold.countDown();

        await(() -> !m.runningProperty().get());
        assertEquals("The audit did not finish: the engine of local did not answer", onFx(() -> m.messageProperty().get()));
        assertTrue(onFx(() -> m.problemProperty().get()));
        assertEquals("NO AUDIT", onFx(() -> m.overallTextProperty().get()));
        assertEquals(null, onFx(() -> m.reportProperty().get()));

        // an engine that does not answer is an audit with a gap, said on the message line
        source.hold = null;
        source.failure = null;
        source.next = AuditReport.of(NOW, List.of(new AuditItem("engine:local", Category.ENGINE, "local", Status.UNKNOWN, Risk.CRITICAL,
                "the Docker engine of local did not answer", "", Optional.empty())), List.of("local"));
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.reportProperty().get() != null);
        assertEquals("No answer from the engine of local: its containers were not audited.", onFx(() -> m.messageProperty().get()));
        assertTrue(onFx(() -> m.problemProperty().get()));
        assertEquals("NOT READY", onFx(() -> m.overallTextProperty().get()));
    }

    @Test
    void beforeAnAuditHereTheHeaderSaysTheLastRecordedOneAndThatItIsOld() throws Exception {
        HandSource source = new HandSource();
        Instant old = NOW.minusSeconds(3 * 86_400);
        source.runs.add(new AuditHistory.AuditRun(old.minusSeconds(86_400), "NOT_READY", "CONDITIONAL", "NOT_READY", "NOT_READY", 14, 48, "[]"));
        source.runs.add(new AuditHistory.AuditRun(old, "CONDITIONAL", "READY", "READY", "CONDITIONAL", 40, 48, "[]"));
        ReadinessViewModel m = model(source);

        await(() -> m.history().size() == 2);
        assertEquals("CONDITIONAL", onFx(() -> m.overallTextProperty().get()));
        assertEquals(Verdict.READY, onFx(() -> m.phaseProperty(Phase.STAGING).get()));
        assertEquals("40 / 48 OK", onFx(() -> m.scoreProperty().get()));
        assertTrue(onFx(() -> m.staleProperty().get()), "three days old");
        assertTrue(onFx(() -> m.lastUpdateProperty().get()).startsWith("no audit for 3 d"), onFx(() -> m.lastUpdateProperty().get()));
        assertEquals(ReadinessWording.fromHistory(), onFx(() -> m.placeholderProperty().get()));
        assertEquals(Verdict.NOT_READY, onFx(() -> m.history().get(0).verdict()));
        assertEquals(14.0 / 48, onFx(() -> m.history().get(0).fraction()), 1e-9);

        source.historyFailure = new IllegalStateException("database is locked");
        onFx(() -> { m.runAudit(); return null; });
        await(() -> m.messageProperty().get().equals("The audit history cannot be read: database is locked"));
        assertEquals("2 / 7 OK", onFx(() -> m.scoreProperty().get()), "the audit itself is shown");

        List<WizardKind> opened = new ArrayList<>();
        onFx(() -> {
            m.offerWizards(opened::add);
            m.openWizard(WizardKind.DRILL);
            return null;
        });
        assertEquals(List.of(WizardKind.DRILL), opened);
        assertTrue(onFx(() -> m.canOpenWizardsProperty().get()));
    }

    @Test
    void theViewShowsTheCardsAndFollowsTheFilter() throws Exception {
        HandSource source = new HandSource();
        source.runs.add(new AuditHistory.AuditRun(NOW.minusSeconds(86_400), "NOT_READY", "CONDITIONAL", "NOT_READY", "NOT_READY", 1, 7, "[]"));
        ReadinessViewModel m = model(source);
        ReadinessView view = onFx(() -> {
            ReadinessView v = new ReadinessView(m, ZoneOffset.UTC);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1100, 640);
            io.nightwatch.ui.fx.Theme.DARK.applyTo(scene);
            stage.setScene(scene);
            stage.show();
            m.runAudit();
            return v;
        });
        await(() -> view.lookupAll(".readiness-item").size() == 7);
        assertEquals("NOT READY", onFx(() -> ((javafx.scene.control.Labeled) view.lookup("#phase-production")).getText()));
        assertEquals("2 / 7 OK", onFx(() -> ((javafx.scene.control.Labeled) view.lookup("#readiness-score")).getText()));
        onFx(() -> { m.onlyNotOkProperty().set(true); return null; });
        await(() -> view.lookupAll(".readiness-item").size() == 5);
        await(() -> m.history().size() == 2);
        assertEquals("2 audits · first 1 / 7, now 2 / 7", onFx(() -> ((javafx.scene.control.Labeled) view.lookup("#readiness-trend")).getText()));
        io.nightwatch.ui.Screenshots.save(stage.getScene(), "readiness-hand.png");
    }
}
