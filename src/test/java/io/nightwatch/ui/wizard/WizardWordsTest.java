package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.runbook.stack.StackRunbook.Action;
import io.nightwatch.text.Language;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import io.nightwatch.ui.wizard.imagechange.ImageChangeChoice;
import io.nightwatch.ui.wizard.stack.StackChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wizard's words that are looked up per enum value (states, pages, outcomes, directions, actions) exist in both
 * languages: the bundle check sees only keys written out, so a value without its word would show as "[state.X]".
 */
class WizardWordsTest {

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void everyValueHasItsWordInBothLanguages() {
        for (Language language : Language.values()) {
            Language.use(language);
            List<String> words = new ArrayList<>();
            for (StepState s : StepState.values()) words.add(s.word());
            for (WizardPage p : WizardPage.values()) words.add(p.label());
            for (Outcome o : Outcome.values()) {
                words.add(WizardWording.outcomeWord(o));
                words.add(WizardWording.headline(o, "x"));
            }
            for (ImageChangeChoice.Direction d : ImageChangeChoice.Direction.values()) {
                words.add(new ImageChangeChoice(d, List.of(), null).word());
            }
            StackChoice stack = new StackChoice(List.of(new ServiceOption("redis", "")), ServiceCheck.NONE);
            words.add(stack.word());
            for (Action a : Action.values()) {
                stack.actionProperty().set(a);
                words.add(stack.word());
                words.addAll(stack.summary());
            }
            assertEquals(List.of(), words.stream().filter(w -> w.contains("[")).toList(), language + ": words missing");
        }
    }

    @Test
    void germanNumbersAndAgesReadGerman() {
        Language.use(Language.DE);
        assertEquals("0,4 s", WizardWording.duration(Duration.ofMillis(400)));
        assertEquals("2 min 05 s", WizardWording.duration(Duration.ofSeconds(125)));
        assertEquals("vor 3 h", WizardWording.age(Duration.ofHours(3)));
        assertEquals("ERFOLGREICH", WizardWording.outcomeWord(Outcome.SUCCEEDED));
        Language.use(Language.EN);
        assertEquals("0.4 s", WizardWording.duration(Duration.ofMillis(400)));
        assertEquals("3 h ago", WizardWording.age(Duration.ofHours(3)));
    }
}
