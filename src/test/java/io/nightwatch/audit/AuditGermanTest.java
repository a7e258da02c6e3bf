package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit's reports in German: headings, verdict words, categories, evidence and fixes in German, config snippets
 * as they are, and the JSON (the tools' contract) byte for byte the same in both languages.
 */
class AuditGermanTest {

    private static final Pattern MISSING_WORD = Pattern.compile("\\[[a-zA-Z]+\\.[A-Za-z0-9_.-]+]");

    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    /** The data safety checks as they run (no profile targets, no drill, no backup sets), and container findings as the checks word them. */
    private AuditReport report() {
        List<AuditItem> items = new ArrayList<>(new DataSafetyChecks(AuditInputs.of(Map.of(), dir, RecoveryTargets.NONE, Optional.empty())).targets());
        items.add(AuditItem.of("memory-limit", Category.RESOURCES, "local/redis", Status.MISSING, Risk.HIGH,
                Words.say("container.memory.none", "sva-studio-redis"), Words.plain("redis:\n  deploy:\n    resources:\n      limits:\n        memory: 256M")));
        items.add(AuditItem.of("restart-count", Category.HEALTH, "local/loki", Status.RISK, Risk.HIGH,
                Words.say("container.restarts.loop", Words.say("container.restarts", "sva-studio-loki", 7)),
                Words.say("container.restarts.loop.fix", "sva-studio-loki")));
        items.add(AuditItem.ok("redis-ttl", Category.REDIS, "local/redis", Risk.LOW, Words.say("redis.ttl", "127.0.0.1:6379", 12, 12)));
        return AuditReport.of(Instant.parse("2026-12-06T03:12:00Z"), items, List.of());
    }

    @Test
    void markdownInGermanWithTheSnippetsAsTheyAre() {
        AuditReport r = report();
        String english = AuditDocuments.markdown(r);
        assertTrue(english.startsWith("# Readiness audit\n\nTaken 2026-12-06T03:12:00Z. **Verdict: NOT_READY** · score 1 / 6 OK"), english);
        assertTrue(english.contains("| data safety | restore-drill | stack | MISSING | high | no restore drill recorded"), english);

        Language.use(Language.DE);
        String md = AuditDocuments.markdown(r);
        assertTrue(md.startsWith("# Audit der Betriebsbereitschaft\n\nErstellt 06.12.2026 03:12:00 UTC. **Ergebnis: NICHT BEREIT** · Punktzahl 1 / 6 OK"), md);
        assertTrue(md.contains("| Phase | Ergebnis |"), md);
        assertTrue(md.contains("| Produktion | NICHT BEREIT |") && md.contains("| Entwicklung | BEREIT |"), md);
        assertTrue(md.contains("| Kategorie | Prüfung | Objekt | Status | Risiko | Nachweis |"), md);
        assertTrue(md.contains("| Datensicherheit | restore-drill | stack | FEHLT | hoch | keine Wiederherstellungsübung in Nightwatchs Verlauf"), md);
        assertTrue(md.contains("RestartCount von sva-studio-loki: 7: eine Absturzschleife"), md);
        assertTrue(md.contains("## Abhilfe"), md);
        assertTrue(md.contains("### restart-count:local/loki (RISIKO, hoch)"), md);
        assertTrue(md.contains("Runbook: `restore` (docs/operations/restore.md)"), md);
        assertTrue(md.contains("```\nredis:\n  deploy:\n    resources:\n      limits:\n        memory: 256M\n```"), "config stays code: " + md);
        assertFalse(MISSING_WORD.matcher(md).find(), "a key without a German word: " + md);
        assertFalse(md.contains("Verdict") || md.contains("Evidence") || md.contains("MISSING"), md);
    }

    @Test
    void htmlInGermanKeepsItsStyleClasses() {
        AuditReport r = report();
        Language.use(Language.DE);
        String html = AuditDocuments.html(r);
        assertTrue(html.contains("<html lang=\"de\">"), html);
        assertTrue(html.contains("<title>Audit der Betriebsbereitschaft</title>"), html);
        assertTrue(html.contains("<strong>Ergebnis: NICHT BEREIT</strong>"), html);
        assertTrue(html.contains("<td>Produktion</td><td class=\"NOT_READY\">NICHT BEREIT</td>"), "the colour class stays the token: " + html);
        assertTrue(html.contains("<th>Kategorie</th><th>Prüfung</th><th>Objekt</th><th>Status</th><th>Risiko</th><th>Nachweis</th><th>Abhilfe</th>"), html);
        assertTrue(html.contains("<td class=\"MISSING\">FEHLT</td>"), html);
        assertTrue(html.contains("Runbook: restore"), html);
        assertFalse(MISSING_WORD.matcher(html).find(), html);

        Language.use(Language.EN);
        String english = AuditDocuments.html(r);
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("<td>production</td><td class=\"NOT_READY\">NOT_READY</td>"), english);
    }

    @Test
    void theJsonIsTheSameInBothLanguages() {
        AuditReport r = report();
        String english = AuditDocuments.json(r).toString();
        Language.use(Language.DE);
        String german = AuditDocuments.json(r).toString();
        assertEquals(english, german);
        assertTrue(german.contains("\"category\":\"data safety\"") && german.contains("\"status\":\"MISSING\"") && german.contains("\"risk\":\"high\""), german);
        assertTrue(german.contains("no restore drill recorded in Nightwatch's history"), german);
        assertEquals(AuditDocuments.itemStates(r), AuditDocuments.itemStates(r));
    }

    @Test
    void fixFileCommentsInGermanAroundTheSameYaml() throws Exception {
        AuditReport r = AuditReport.of(Instant.parse("2026-12-06T03:12:00Z"), List.of(
                AuditItem.of("alert-route", Category.ALERTING, "local/alertmanager", Status.MISSING, Risk.CRITICAL, Words.say("alertmanager.route.none", "x"), Words.NONE)),
                List.of());
        String english = FixFiles.alertmanager();
        Language.use(Language.DE);
        String german = FixFiles.alertmanager();
        assertTrue(german.contains("# Menschen in der Nacht: der Pager."), german);
        assertEquals(english.replaceAll("(?m)^\\s*#.*$", ""), german.replaceAll("(?m)^\\s*#.*$", ""), "only the comments differ");
        Path written = FixFiles.write(r, io.nightwatch.stack.ReferenceStack.profile(), dir).get(0);
        assertTrue(Files.readString(written).startsWith("# Geschrieben von `nightwatch audit --fix-files` aus dem Audit vom 2026-12-06T03:12:00Z.\n# Nichts"),
                Files.readString(written));
    }
}
