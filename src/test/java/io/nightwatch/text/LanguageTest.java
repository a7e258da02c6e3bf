package io.nightwatch.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageTest {

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void anExplicitChoiceWinsOverTheEnvironmentWhichWinsOverTheSystem() {
        assertEquals(Language.DE, Language.resolve(null, Map.of(), Locale.GERMANY));
        assertEquals(Language.EN, Language.resolve(null, Map.of(), Locale.FRANCE));
        assertEquals(Language.EN, Language.resolve(null, Map.of("NIGHTWATCH_LANG", "en"), Locale.GERMANY));
        assertEquals(Language.DE, Language.resolve(null, Map.of("NIGHTWATCH_LANG", "de_DE.UTF-8"), Locale.US));
        assertEquals(Language.EN, Language.resolve("en", Map.of("NIGHTWATCH_LANG", "de"), Locale.GERMANY));
        // a word that names no language is ignored, not guessed
        assertEquals(Language.DE, Language.resolve(null, Map.of("NIGHTWATCH_LANG", "klingon"), Locale.GERMAN));
    }

    @Test
    void langIsTakenOutOfTheArgumentsAndAnUnknownOneIsRefused() {
        String[] rest = Language.takeChoice(new String[] {"status", "--lang", "de", "--json"}, Map.of(), Locale.US);
        assertArrayEquals(new String[] {"status", "--json"}, rest);
        assertEquals(Language.DE, Language.current());
        assertTrue(Language.explicitlyChosen());
        assertArrayEquals(new String[] {"audit"}, Language.takeChoice(new String[] {"--lang=en", "audit"}, Map.of(), Locale.GERMANY));
        assertEquals(Language.EN, Language.current());
        // after "--" it belongs to someone else
        assertArrayEquals(new String[] {"x", "--", "--lang", "de"}, Language.takeChoice(new String[] {"x", "--", "--lang", "de"}, Map.of(), Locale.US));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Language.takeChoice(new String[] {"--lang", "fr"}, Map.of(), Locale.US));
        assertEquals("unknown language 'fr': use de or en", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Language.takeChoice(new String[] {"--lang"}, Map.of(), Locale.US));
    }

    @Test
    void placeholdersAreFilledWithoutMessageFormatQuoting() {
        assertEquals("can't reach sva-studio-redis for 3 s", Texts.fill("can't reach {0} for {1}", "sva-studio-redis", "3 s"));
        assertEquals("{x} stays, {2} without an argument too", Texts.fill("{x} stays, {2} without an argument too", "a"));
        assertEquals("no arguments: {0}", Texts.fill("no arguments: {0}"));
    }

    @Test
    void germanWordsAndFormatsDifferFromEnglishOnesAndMissingKeysShowTheKey() {
        Texts t = Texts.of(Formats.class);
        Instant at = Instant.parse("2026-12-06T03:12:45Z");
        Language.use(Language.EN);
        assertEquals("2026-12-06 03:12", Formats.dateTime(at, ZoneOffset.UTC));
        assertEquals("1.5", Formats.decimal(1.5, 1));
        assertEquals("10,000", Formats.count(10_000));
        assertEquals("3 d", Formats.duration(Duration.ofDays(3)));
        Language.use(Language.DE);
        assertEquals("06.12.2026 03:12", Formats.dateTime(at, ZoneOffset.UTC));
        assertEquals("06.12.2026 03:12:45", Formats.dateTimeSeconds(at, ZoneOffset.UTC));
        assertEquals("1,5", Formats.decimal(1.5, 1));
        assertEquals("0,80", Formats.fixed(0.8, 2));
        assertEquals("10.000", Formats.count(10_000));
        assertEquals("3 Tg.", Formats.duration(Duration.ofDays(3)));
        assertEquals("850 ms", Formats.duration(Duration.ofMillis(850)));
        assertEquals("[no.such.key]", t.get("no.such.key"));
    }

    @Test
    void probeTimesAreShownAsCoarseAsAnOperatorReadsThem() {
        assertEquals("< 10 ms", Formats.latency(Duration.ofMillis(1)));
        assertEquals("< 10 ms", Formats.latency(Duration.ofMillis(9)));
        assertEquals("40 ms", Formats.latency(Duration.ofMillis(41)));
        assertEquals("300 ms", Formats.latency(Duration.ofMillis(329)));
        assertEquals("1.2 s", Formats.latency(Duration.ofMillis(1_234)));
        Language.use(Language.DE);
        assertEquals("1,9 s", Formats.latency(Duration.ofMillis(1_940)));
    }
}
