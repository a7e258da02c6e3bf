package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertState;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every word the alert view looks up by an enum constant exists in both languages (a missing one would show as
 * "[key]"), English stays as it always read, and German dates and states read as a German operator expects.
 */
class AlertWordsTest {

    private static final Instant NOW = Instant.parse("2025-03-14T03:12:45Z");

    @AfterEach
    void backToEnglish() {
        Language.use(Language.EN);
    }

    @Test
    void everyStateFilterAndRangeHasItsWordsInBothLanguages() {
        for (Language language : Language.values()) {
            Language.use(language);
            for (AlertState s : AlertState.values()) assertFalse(AlertWording.state(s).startsWith("["), language + " " + s);
            for (StateFilter f : StateFilter.values()) assertFalse(f.label().startsWith("["), language + " " + f);
            for (TimeRange r : TimeRange.values()) {
                assertFalse(r.words().startsWith("[") || r.button().startsWith("["), language + " " + r);
            }
            for (String state : new String[] {"active", "pending"}) {
                assertFalse(AlertWording.word("silences.state.", state).startsWith("["), language + " " + state);
            }
        }
    }

    @Test
    void englishReadsAsBeforeAndGermanAsAGermanOperatorExpects() {
        Instant started = NOW.minus(Duration.ofMinutes(12));
        Language.use(Language.EN);
        assertEquals("FIRING for 12 min", AlertWording.stateLine(AlertState.FIRING, "12 min"));
        assertEquals("2025-03-14 03:00:45 (12 min ago)", AlertWording.full(started, NOW, ZoneOffset.UTC));
        assertEquals("Mar 13 22:00", AlertWording.when(Instant.parse("2025-03-13T22:00:00Z"), NOW, ZoneOffset.UTC));
        assertEquals("Any state", StateFilter.ANY.label());
        assertEquals("alertname=X for 2 h", SilenceDraft.describe(java.util.List.of(new SilenceDraft.Matcher("alertname", SilenceDraft.Op.EQUAL, "X")),
                Duration.ofHours(2)));

        Language.use(Language.DE);
        assertEquals("AKTIV seit 12 min", AlertWording.stateLine(AlertState.FIRING, "12 min"));
        assertEquals("BEHOBEN nach 5 min", AlertWording.stateLine(AlertState.RESOLVED, "5 min"));
        assertEquals("14.03.2025 03:00:45 (vor 12 min)", AlertWording.full(started, NOW, ZoneOffset.UTC));
        assertEquals("13.03. 22:00", AlertWording.when(Instant.parse("2025-03-13T22:00:00Z"), NOW, ZoneOffset.UTC));
        assertEquals("kritisch", AlertWording.severity("critical"));
        assertEquals("page", AlertWording.severity("page"), "a rule's own severity is shown as it is");
        assertEquals("Jeder Zustand", StateFilter.ANY.label());
        assertEquals("3 Tg.", SilenceDraft.label(Duration.ofDays(3)));
        assertEquals("3d", SilenceDraft.id(Duration.ofDays(3)), "the button's id is the same in both languages");
    }
}
