package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged real bodies: whatever the damage, the parser answers with an exposition or an
 * {@link ExpositionParseException} naming a sensible line, never with anything else.
 */
class ExpositionRobustnessTest {

    @ParameterizedTest
    @ValueSource(strings = {"prometheus-2.42.txt", "alertmanager-0.25.txt", "otelcol-contrib-0.95.txt"})
    void aBodyCutAnywhereFailsOnlyOnItsLastLine(String fixture) {
        String body = Fixtures.read(fixture);
        int sampleLines = Fixtures.sampleLines(body).size();
        int lastLine = 1;
        for (int cut = 0; cut <= body.length(); cut += 5) {
            for (int i = Math.max(0, cut - 5); i < cut; i++) {
                if (body.charAt(i) == '\n') {
                    lastLine++;
                }
            }
            String head = body.substring(0, cut);
            final int at = cut;
            final int expectedLine = lastLine;
            try {
                Exposition e = ExpositionParser.parse(head);
                assertTrue(e.sampleCount() <= sampleLines);
            } catch (ExpositionParseException e) {
                // Every complete line before the cut is valid, so only the cut one can be at fault.
                assertEquals(expectedLine, e.line(), () -> "cut at " + at + ": " + e.getMessage());
                assertFalse(e.reason().isBlank());
            } catch (RuntimeException e) {
                fail("cut at " + at + " threw " + e, e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomDamageNeverEscapesAsAnotherException(long seed) {
        String body = Fixtures.read("prometheus-2.42.txt");
        String alphabet = "{}\",=\\ \t\n\r#+-.eE0123456789aZ_:\u0000é";
        Random random = new Random(seed);
        int lines = (int) body.chars().filter(c -> c == '\n').count() + 1;
        for (int round = 0; round < 300; round++) {
            StringBuilder damaged = new StringBuilder(body);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(damaged.length());
                switch (random.nextInt(3)) {
                    case 0 -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> damaged.deleteCharAt(at);
                }
            }
            try {
                ExpositionParser.parse(damaged.toString());
            } catch (ExpositionParseException e) {
                assertTrue(e.line() >= 1 && e.line() <= lines + edits, e.getMessage());
                assertTrue(e.column() >= 1, e.getMessage());
                assertTrue(e.getMessage().startsWith("line " + e.line() + ": "), e.getMessage());
            } catch (RuntimeException e) {
                fail("round " + round + " threw " + e, e);
            }
        }
    }
}
