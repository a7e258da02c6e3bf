package io.nightwatch.cli;

import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CLI in German (issue 13): help, error lines and text output come from the German bundle; JSON and exit codes
 * are the same in both languages. In process, as picocli runs the commands; the engine is a socket that is not there,
 * so nothing here needs the testbed. {@code --lang} itself is tried in a separate process, as an operator types it.
 */
class GermanCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    private int run(Language language, String... args) {
        Language.use(language);
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Map<String, String> env = Map.of("HOME", dir.toString()); // no Docker contexts, no operator profile
        CommandLine cli = NightwatchCommand.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == StatusCommand.class) return type.cast(new StatusCommand(env));
                if (type == HostsCommand.class) return type.cast(new HostsCommand(env));
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String noEngine() {
        return "unix://" + dir.resolve("no-engine.sock");
    }

    @Test
    void helpIsGermanWithHeadingsOptionsAndExitCodes() {
        assertEquals(0, run(Language.DE, "--help"));
        String root = out.toString();
        for (String word : new String[] {"Aufruf: nightwatch", "--lang=de|en", "Befehle:", "Exit-Codes:", "ein Dienst ausgefallen",
                "Den Zustand jedes Dienstes zeigen", "Diese Hilfe zeigen und beenden."}) {
            assertTrue(root.contains(word), "'" + word + "' in:\n" + root);
        }
        assertFalse(root.contains("Usage:"), root);
        assertEquals(0, run(Language.DE, "status", "--help"));
        assertTrue(out.toString().contains("Abfrageintervall (Standard aus dem Profil, 2 s)."), out.toString());
        assertEquals(0, run(Language.DE, "incident", "export", "--help"));
        assertTrue(out.toString().contains("md, json oder html (Standard md)."), "picocli's variables still work: " + out);

        assertEquals(0, run(Language.EN, "--help"));
        assertTrue(out.toString().startsWith("Usage: nightwatch [-hV] [--lang=de|en] [COMMAND]"), out.toString());
        assertTrue(out.toString().contains("Show the health of every service"), out.toString());
    }

    @Test
    void badArgumentsAreOneGermanLineWithExit64() {
        assertEquals(64, run(Language.DE, "status", "--frobnicate"));
        assertEquals("nightwatch: unbekannte Option: '--frobnicate' (siehe nightwatch status --help)", err.toString().strip());
        assertEquals(64, run(Language.DE, "backup", "--keep", "0"));
        assertEquals("nightwatch: ungültiger Wert für '--keep': '0' ist keine ganze Zahl ab 1 (siehe nightwatch backup --help)",
                err.toString().strip());
        assertEquals(64, run(Language.DE, "silence"));
        assertTrue(err.toString().startsWith("nightwatch: Pflichtangaben fehlen: '--matcher"), err.toString());
        assertEquals(64, run(Language.DE, "status", "--interval", "0"));
        assertTrue(err.toString().contains("nehmen Sekunden zwischen 0.1 und 3600"), err.toString());
        assertEquals(64, run(Language.DE, "stack", "vorwärts"));
        assertEquals("nightwatch: stack nimmt stop, start oder restart, nicht 'vorwärts'", err.toString().strip());

        // the same mistakes in English: word for word what they always said
        assertEquals(64, run(Language.EN, "status", "--frobnicate"));
        assertEquals("nightwatch: Unknown option: '--frobnicate' (see nightwatch status --help)", err.toString().strip());
        assertEquals(64, run(Language.EN, "backup", "--keep", "0"));
        assertEquals("nightwatch: Invalid value for option '--keep': '0' is not a whole number of at least 1 (see nightwatch backup --help)",
                err.toString().strip());
    }

    @Test
    void statusTextIsGermanAndExitCodesStay() {
        assertEquals(3, run(Language.DE, "status", "--host", noEngine(), "--timeout", "0.5"));
        String text = out.toString();
        assertTrue(text.startsWith("Engine local      NICHT ERREICHBAR"), text);
        assertTrue(text.lines().skip(1).allMatch(l -> l.startsWith("unbekannt ")), "every service unknown without its engine:\n" + text);
        assertEquals(3, run(Language.EN, "status", "--host", noEngine(), "--timeout", "0.5"));
        assertTrue(out.toString().startsWith("engine local      UNREACHABLE"), out.toString());
    }

    @Test
    void hostsTableIsGerman() {
        assertEquals(3, run(Language.DE, "hosts", "--host", noEngine(), "--timeout", "0.5"));
        String text = out.toString();
        assertTrue(text.startsWith("QUELLE"), text);
        assertTrue(text.contains("ADRESSE") && text.contains("ZUSTAND"), text);
        assertTrue(text.contains(noEngine() + " nicht erreichbar: "), text);
    }

    @Test
    void jsonIsTheSameInBothLanguages() {
        for (String[] args : new String[][] {{"status", "--host", noEngine(), "--timeout", "0.5", "--json"},
                {"hosts", "--host", noEngine(), "--timeout", "0.5", "--json"}}) {
            int englishExit = run(Language.EN, args);
            String english = withoutTimes(out.toString());
            int germanExit = run(Language.DE, args);
            String german = withoutTimes(out.toString());
            assertEquals(englishExit, germanExit);
            assertTrue(english.contains("\"reachable\" : false"), english);
            assertEquals(english, german, "JSON is for tools: English field values in both languages");
        }
    }

    /**
     * The moments of the two runs differ, and so do the latencies of whatever answers on the reference ports (the
     * testbed's services, when it runs); everything else must not.
     */
    private static String withoutTimes(String json) {
        return json.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME").replaceAll("\"latencyMs\" : [0-9.E-]+", "\"latencyMs\" : 0");
    }

    @Test
    void langChoosesTheLanguageBeforeOrAfterTheCommandAndRefusesOthers() throws Exception {
        Map<String, String> env = Map.of("NIGHTWATCH_LANG", "en");
        NightwatchRun after = NightwatchRun.of(env, "status", "--lang", "de", "--help");
        assertEquals(0, after.exit(), after.toString());
        assertTrue(after.stdout().startsWith("Aufruf: nightwatch status"), after.toString());
        NightwatchRun before = NightwatchRun.of(env, "--lang=de", "status", "--help");
        assertEquals(after.stdout(), before.stdout());

        NightwatchRun french = NightwatchRun.of(env, "--lang", "fr", "status");
        assertEquals(64, french.exit(), french.toString());
        assertEquals("nightwatch: unknown language 'fr': use de or en", french.stderr().strip());
        NightwatchRun frenchInGerman = NightwatchRun.of(Map.of("NIGHTWATCH_LANG", "de"), "status", "--lang", "fr");
        assertEquals(64, frenchInGerman.exit(), frenchInGerman.toString());
        assertEquals("nightwatch: unbekannte Sprache 'fr': de oder en angeben", frenchInGerman.stderr().strip());
    }
}
