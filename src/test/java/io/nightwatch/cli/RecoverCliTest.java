package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

class RecoverCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NightwatchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listNamesEveryScenarioWithItsSymptom() {
        assertEquals(0, run("recover", "--list"));
        for (String id : new String[] {"disk-full", "redis-down", "loki-ingestion", "collector-crash", "promtail-stalled"}) {
            assertTrue(out.toString().contains(id), out.toString());
        }
        assertTrue(out.toString().contains("seen as: NightwatchDiskHeadroomLow"), out.toString());
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheChoices() {
        assertEquals(NightwatchCommand.EXIT_USAGE, run("recover", "disk-ful"));
        assertTrue(err.toString().contains("no scenario 'disk-ful' (choose from disk-full, redis-down"), err.toString());
    }
}
