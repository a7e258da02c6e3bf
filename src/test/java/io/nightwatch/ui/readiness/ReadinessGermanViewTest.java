package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.Verdict;
import io.nightwatch.audit.Words;
import io.nightwatch.store.AuditHistory;
import io.nightwatch.text.Language;
import io.nightwatch.ui.wizard.launch.WizardKind;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static io.nightwatch.ui.support.Fx.textList;
import static io.nightwatch.ui.support.Fx.textSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Readiness view in German, without an engine: a report worded as the checks word it (bundle keys, not plain
 * strings) from a hand-made source; verdicts, score, buttons, categories, evidence and fixes read German, config
 * snippets stay as they are, and the long German words are not cut off. Renders docs/images/readiness-de.png.
 */
@ExtendWith(ApplicationExtension.class)
class ReadinessGermanViewTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:12:00Z");
    private static final Pattern MISSING_WORD = Pattern.compile("\\[[a-zA-Z]+\\.[A-Za-z0-9_.-]+]");

    private Stage stage;
    private ReadinessViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void english() throws Exception {
        if (model != null) onFx(() -> { model.dispose(); return null; });
        Language.use(Language.EN);
    }

    private static AuditReport report() {
        return AuditReport.of(NOW, List.of(
                new AuditItem("memory-limit:local/redis", Category.RESOURCES, "local/redis", Status.OK, Risk.HIGH,
                        Words.say("container.memory", "sva-studio-redis", "256 MiB", Words.NONE), Words.NONE, Optional.empty()),
                new AuditItem("cpu-limit:local/redis", Category.RESOURCES, "local/redis", Status.MISSING, Risk.MEDIUM,
                        Words.say("container.cpu.none", "sva-studio-redis"),
                        Words.plain("redis:\n  deploy:\n    resources:\n      limits:\n        cpus: '0.5'"), Optional.empty()),
                new AuditItem("alert-human-receiver:local/alertmanager", Category.ALERTING, "local/alertmanager", Status.MISSING, Risk.CRITICAL,
                        Words.say("alertmanager.human.none", Words.say("alertmanager.webhook.local", "nightwatch"), "http://127.0.0.1:9093/api/v2/status"),
                        Words.say("alertmanager.human.none.fix"), Optional.empty()),
                new AuditItem("backup-rpo:local/redis", Category.DATA_SAFETY, "local/redis", Status.MISSING, Risk.CRITICAL,
                        Words.say("safety.backup.none", "redis", "/data/backups"), Words.say("safety.backup.fix", "redis", "24 h"), Optional.of("backup")),
                new AuditItem("restore-drill:stack", Category.DATA_SAFETY, "stack", Status.MISSING, Risk.HIGH,
                        Words.say("safety.drill.none"), Words.say("safety.drill.none.fix"), Optional.of("restore")),
                new AuditItem("stop-grace:local/loki", Category.SHUTDOWN, "local/loki", Status.RISK, Risk.HIGH,
                        Words.say("container.stop.short", Words.say("container.stop", "sva-studio-loki", "10 s",
                                Words.say("container.stop.defaultSignal"), "1 min")),
                        Words.plain("loki:\n  stop_grace_period: 60s"), Optional.empty())), List.of());
    }

    @Test
    void theViewSpeaksGermanAndKeepsTheSnippets() throws Exception {
        Language.use(Language.DE);
        ReadinessViewModelTest.HandSource source = new ReadinessViewModelTest.HandSource();
        source.next = report();
        source.runs.add(new AuditHistory.AuditRun(NOW.minusSeconds(86_400), "NOT_READY", "CONDITIONAL", "NOT_READY", "NOT_READY", 0, 6, "[]"));
        model = onFx(() -> new ReadinessViewModel(source, Clock.fixed(NOW, ZoneOffset.UTC)));
        ReadinessView view = onFx(() -> {
            ReadinessView v = new ReadinessView(model, ZoneOffset.UTC);
            javafx.scene.Scene scene = new javafx.scene.Scene(v, 1100, 700);
            io.nightwatch.ui.fx.Theme.DARK.applyTo(scene);
            stage.setScene(scene);
            stage.show();
            model.offerWizards(kind -> { }); // as in the window: the fixing wizards' buttons show
            model.runAudit();
            return v;
        });
        await(() -> view.lookupAll(".readiness-item").size() == 6);
        await(() -> model.history().size() == 2);

        assertEquals("NICHT BEREIT", onFx(() -> ((Labeled) view.lookup("#phase-production")).getText()));
        assertEquals("BEDINGT BEREIT", onFx(() -> ((Labeled) view.lookup("#phase-development")).getText()));
        assertEquals("1 / 6 OK", onFx(() -> ((Labeled) view.lookup("#readiness-score")).getText()));
        assertEquals("Audit starten", onFx(() -> ((Labeled) view.lookup("#readiness-run")).getText()));
        assertEquals("Nur nicht OK", onFx(() -> ((Labeled) view.lookup("#readiness-only-open")).getText()));
        assertEquals("2 Audits · von 0 / 6 auf 1 / 6", onFx(() -> ((Labeled) view.lookup("#readiness-trend")).getText()));
        assertEquals("1 / 6 OK · 2 kritisch, 2 hoch offen", onFx(() -> model.summaryProperty().get()));
        assertEquals(Verdict.NOT_READY, onFx(() -> model.phaseProperty(Phase.PRODUCTION).get()));

        List<String> titles = onFx(() -> textList(view, ".group-title"));
        assertEquals(List.of("Ressourcen", "Sauberes Herunterfahren", "Alarmierung", "Datensicherheit"), titles, "the checklist's order, in German");
        Set<String> phases = onFx(() -> textSet(view, ".phase-name"));
        assertEquals(Set.of("Entwicklung", "Staging", "Produktion"), phases);
        Set<String> statuses = onFx(() -> textSet(view, ".item-status"));
        assertEquals(Set.of("OK", "FEHLT", "RISIKO"), statuses);
        assertTrue(onFx(() -> textSet(view, ".item-risk")).containsAll(Set.of("Risiko kritisch", "Risiko hoch", "Risiko mittel")));
        Set<String> buttons = onFx(() -> textSet(view, ".item-wizard"));
        assertEquals(Set.of("Sichern…", "Wiederherstellungsübung…"), buttons);
        assertTrue(onFx(() -> textSet(view, ".item-copy")).contains("Abhilfe kopieren"));

        List<String> evidence = onFx(() -> textList(view, ".item-evidence"));
        assertTrue(evidence.contains("keine Wiederherstellungsübung in Nightwatchs Verlauf: Sicherungen und RTO sind unbewiesen"), evidence.toString());
        assertTrue(evidence.contains("HostConfig.NanoCpus/CpuQuota von sva-studio-redis: keine; ein ausgelasteter Dienst kann die anderen aushungern"),
                evidence.toString());
        List<String> fixes = onFx(() -> textList(view, ".item-fix"));
        assertTrue(fixes.contains("redis:\n  deploy:\n    resources:\n      limits:\n        cpus: '0.5'"), "config stays code: " + fixes);
        for (String text : onFx(() -> textList(view, ".label"))) assertFalse(MISSING_WORD.matcher(text).find(), "a key without a word: " + text);

        // a long German word in a fixed-width head is not cut off ("…")
        for (String selector : List.of(".item-status", ".item-risk", ".item-wizard", ".item-copy", ".phase-verdict", ".phase-name", ".readiness-run",
                ".readiness-question", ".score-trend", ".group-title", ".readiness-filter")) {
            for (javafx.scene.Node n : onFx(() -> List.copyOf(view.lookupAll(selector)))) {
                Labeled l = (Labeled) n;
                String shown = onFx(() -> {
                    javafx.scene.text.Text t = (javafx.scene.text.Text) l.lookup(".text");
                    return t == null ? l.getText() : t.getText();
                });
                assertEquals(onFx(l::getText), shown, selector + " is cut off");
            }
        }

        Path shot = io.nightwatch.ui.Screenshots.save(stage.getScene(), "readiness-de.png");
        Files.copy(shot, Path.of("docs", "images", "readiness-de.png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000, "a real picture");

        assertEquals(Optional.of(WizardKind.BACKUP), onFx(() -> model.groups().get(3).items().get(0).wizard()));
    }

    @Test
    void everyEnumWordExistsInBothLanguages() {
        for (Language language : Language.values()) {
            Language.use(language);
            for (Verdict v : Verdict.values()) assertFalse(ReadinessWording.verdict(v).startsWith("["), v.name());
            for (Phase p : Phase.values()) assertFalse(ReadinessWording.phase(p).startsWith("["), p.name());
            for (WizardKind k : WizardKind.values()) assertFalse(ReadinessWording.wizardButton(k).startsWith("["), k.name());
            for (Category c : Category.values()) assertFalse(ReadinessWording.category(c).startsWith("["), c.name());
        }
        Language.use(Language.EN);
        assertEquals("NOT READY", ReadinessWording.verdict(Verdict.NOT_READY));
        assertEquals("Data safety", ReadinessWording.category(Category.DATA_SAFETY));
        assertEquals("Taken 2026-12-06 03:12", ReadinessWording.taken(NOW, ZoneOffset.UTC));
        Language.use(Language.DE);
        assertEquals("Erstellt 06.12.2026 03:12", ReadinessWording.taken(NOW, ZoneOffset.UTC));
        assertEquals("Keine Antwort von den Engines von a, b: ihre Container wurden nicht geprüft.", ReadinessWording.unreachable(List.of("a", "b")));
    }
}
