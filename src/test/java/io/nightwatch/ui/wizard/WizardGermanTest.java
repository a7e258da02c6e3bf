package io.nightwatch.ui.wizard;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.text.Language;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.support.OwnerWindow;
import io.nightwatch.ui.wizard.backup.BackupChoice;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.ui.wizard.WizardRobot.await;
import static io.nightwatch.ui.wizard.WizardRobot.click;
import static io.nightwatch.ui.wizard.WizardRobot.onFx;
import static io.nightwatch.ui.wizard.WizardRobot.root;
import static io.nightwatch.ui.wizard.WizardRobot.text;
import static io.nightwatch.ui.wizard.WizardRobot.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup wizard in German (issue 13), over the real backup runbook and the reference profile (nothing is run and no
 * engine is asked: the choose and preview pages only read the profile). Its buttons, headings and notes are German, and
 * at the window's size no word is cut off with an ellipsis and no button overlaps another, though German is longer.
 * The choose page is the README's picture (docs/images/wizard-de.png).
 */
@ExtendWith(ApplicationExtension.class)
class WizardGermanTest {

    private Stage owner;
    private Stage wizard;

    @Start
    void start(Stage stage) {
        owner = OwnerWindow.show(stage);
    }

    @BeforeEach
    void german() {
        Language.use(Language.DE);
    }

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Stop
    void stop() throws Exception {
        OwnerWindow.close(wizard);
    }

    @Test
    void theBackupWizardSpeaksGermanAndNothingIsCutOff(FxRobot robot, @TempDir Path dir) throws Exception {
        // a gateway to no engine: connecting is lazy, and a preview contacts nothing
        DockerGateway nowhere = DockerGateway.connect(new EngineAddress("unix://" + dir.resolve("no-engine.sock"), false, Optional.empty()));
        BackupRunbook backup = new BackupRunbook(ReferenceStack.profile(), Map.of(), host -> nowhere, dir.resolve("backups"), Clock.systemUTC());
        RunbookRunner runner = new RunbookRunner(dir.resolve("runs"), Clock.systemDefaultZone());
        WizardModel<BackupChoice> model = onFx(() -> BackupChoice.wizard(backup, ServiceCheck.NONE, runner));
        wizard = onFx(() -> RunbookWizard.open(owner, model));

        // choose: the footer, the trail and the form
        assertEquals("Weiter: Vorschau ›", text(wizard, "#wizard-next"));
        assertEquals("Abbrechen", text(wizard, "#wizard-cancel"));
        assertEquals("1  Auswahl", text(wizard, "#trail-choose"));
        assertEquals("2  Vorschau", text(wizard, "#trail-preview"));
        List<String> sections = texts(root(wizard), ".wizard-section");
        assertTrue(sections.containsAll(List.of("Was sichern", "Wohin")), sections.toString());
        assertEquals("Auswählen…", text(wizard, "#wizard-choose-folder"));
        assertTrue(text(wizard, "#service-redis").equals("redis"));
        nothingCutOff();
        Path choose = Screenshots.save(wizard.getScene(), "wizard-de.png");
        Files.createDirectories(Path.of("docs", "images"));
        Files.copy(choose, Path.of("docs", "images", "wizard-de.png"), StandardCopyOption.REPLACE_EXISTING);

        // a blocker in German
        click(robot, wizard, "#service-prometheus");
        robot.interact(() -> model.choice().services().forEach(s -> s.setSelected(false)));
        assertEquals("Mindestens einen Dienst zum Sichern ankreuzen.", text(wizard, "#wizard-footer-note"));
        robot.interact(() -> model.choice().services().forEach(s -> s.setSelected(true)));

        // preview: Start names the backup in German, the fact captions and the lead are German
        await(() -> !onFx(() -> ((Button) root(wizard).lookup("#wizard-next")).isDisabled()));
        click(robot, wizard, "#wizard-next");
        try {
            await(30, () -> model.getPage() == WizardPage.PREVIEW);
        } catch (Exception e) {
            throw new AssertionError("no preview: " + onFx(() -> model.problemProperty().get()), e);
        }
        assertEquals("Sicherung starten", text(wizard, "#wizard-next"));
        assertEquals("‹ Zurück", text(wizard, "#wizard-back"));
        assertEquals("Noch nichts geändert.", text(wizard, "#wizard-footer-note"));
        List<String> captions = texts(root(wizard), ".wizard-fact-caption");
        assertTrue(captions.containsAll(List.of("TUT GENAU", "WENN EIN SPÄTERER SCHRITT FEHLSCHLÄGT")), captions.toString());
        assertTrue(texts(root(wizard), ".wizard-lead").get(0).startsWith("Noch nichts geändert. Sicherung: genau diese Schritte"));
        assertTrue(texts(root(wizard), ".wizard-choice").get(0).startsWith("Dienste: "));
        nothingCutOff();
        Screenshots.save(wizard.getScene(), "wizard-de-preview.png");
    }

    /** No label, button or heading on show ends in an ellipsis it did not have, and no two footer buttons overlap. */
    private void nothingCutOff() throws Exception {
        List<String> cut = onFx(() -> {
            List<String> out = new ArrayList<>();
            collectCut(wizard.getScene().getRoot(), out);
            return out;
        });
        assertEquals(List.of(), cut, "words cut off in German");
        List<Bounds> buttons = onFx(() -> root(wizard).lookupAll(".wizard-button").stream().filter(WizardGermanTest::shown)
                .map(b -> b.localToScene(b.getBoundsInLocal())).toList());
        double width = onFx(() -> wizard.getScene().getWidth());
        for (int i = 0; i < buttons.size(); i++) {
            assertTrue(buttons.get(i).getMinX() >= 0 && buttons.get(i).getMaxX() <= width + 0.5, "a button leaves the window: " + buttons.get(i));
            for (int j = i + 1; j < buttons.size(); j++) {
                assertTrue(!buttons.get(i).intersects(buttons.get(j)), "buttons overlap: " + buttons.get(i) + " " + buttons.get(j));
            }
        }
    }

    private static void collectCut(Node node, List<String> out) {
        if (!node.isVisible()) return;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            // the skin's Text holds what is drawn: an ellipsis there that the label's text lacks means it was cut
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && (t.getText().endsWith("…") || t.getText().endsWith("..."))) {
                    out.add(l.getText() + " → " + t.getText());
                }
            }
        }
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collectCut(child, out);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
