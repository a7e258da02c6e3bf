package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An error the CLI prints for an unexpected failure passes the catalogue too: its message may quote a URL or a header. */
class ErrorMessageRedactionTest {

    @Test
    void theCliPrintsAFailureWithoutItsSecrets() throws Exception {
        CommandLine cli = NightwatchCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.getExecutionExceptionHandler().handleExecutionException(
                new IllegalStateException("cannot reach redis://:FAKEredisPass42@db:6379 (Authorization: Bearer FAKEtok3n99)"), cli, null);
        assertEquals(NightwatchCommand.EXIT_SOFTWARE, code);
        String printed = err.toString();
        assertTrue(printed.startsWith("nightwatch: internal error: cannot reach redis://[redacted]@db:6379"), printed);
        assertFalse(printed.contains("FAKEredisPass42") || printed.contains("FAKEtok3n99"), printed);
    }

    @Test
    void aRunbookOnTheConsoleShowsOutputAndFailuresWithoutSecrets() {
        StringWriter err = new StringWriter();
        var console = RunbookCli.console(new PrintWriter(err, true));
        console.output(null, "redis-server --requirepass FAKErequirepass2 started");
        console.stepFailed(0, null, "pull failed: https://ci:FAKEregistryPass@registry.example.com/v2/ denied");
        String printed = err.toString();
        assertTrue(printed.contains("    redis-server --requirepass [redacted] started"), printed);
        assertTrue(printed.contains("    FAILED: pull failed: https://[redacted]@registry.example.com/v2/ denied"), printed);
    }
}
