package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The incident commands as an operator types them, each a separate process over the same data dir. */
class IncidentCliTest {

    @TempDir
    Path home;

    private record Result(int exit, String out) {}

    private Result nightwatch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("USER", "bob");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void openNoteCloseListShowExport() throws Exception {
        Result open = nightwatch("incident", "open", "Promtail ships nothing after the reboot");
        assertEquals(0, open.exit(), open.out());
        assertTrue(open.out().startsWith("#1 Promtail ships nothing after the reboot"), open.out());
        assertEquals(0, nightwatch("incident", "note", "1", "socket permission denied; token=abc123secret").exit());
        Result close = nightwatch("incident", "close", "1", "--summary", "docker group restored");
        assertEquals(0, close.exit(), close.out());
        Result list = nightwatch("incident", "list");
        assertTrue(list.out().matches("(?s)#1\\s+closed\\s+.*stack\\s+Promtail ships nothing after the reboot.*"), list.out());
        Result show = nightwatch("incident", "show", "1");
        assertTrue(show.out().contains("bob: socket permission denied; token=[redacted]"), show.out());
        assertFalse(show.out().contains("abc123secret"), "show is redacted too");
        Path out = home.resolve("pm.json");
        Result export = nightwatch("incident", "export", "1", "--format", "json", "--out", out.toString());
        assertEquals(0, export.exit(), export.out());
        assertTrue(export.out().contains("(redacted: forbidden label)") || export.out().contains("redacted:"), export.out());
        String json = Files.readString(out);
        assertTrue(json.contains("\"format\" : \"nightwatch-incident/1\""), json);
        assertFalse(json.contains("abc123secret"));
        Result bad = nightwatch("incident", "export", "1", "--format", "pdf", "--out", out.toString());
        assertEquals(64, bad.exit(), bad.out());
        assertTrue(bad.out().contains("unknown export format 'pdf' (md, json or html)"), bad.out());
        assertEquals(64, nightwatch("incident", "note", "99", "x").exit(), "no such incident");
    }
}
