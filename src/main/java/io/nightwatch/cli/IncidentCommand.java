package io.nightwatch.cli;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.incident.Incidents;
import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch incident list|show|open|note|close|export}: the incident log from the shell. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Incidents: their timelines, notes and post-mortem exports.",
        subcommands = {IncidentCommand.ListIncidents.class, IncidentCommand.Show.class, IncidentCommand.Open.class,
                IncidentCommand.Note.class, IncidentCommand.Close.class, IncidentCommand.Export.class})
public class IncidentCommand {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** What every subcommand shares: the database, the journals, who is typing. */
    abstract static class Sub implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        abstract int run(Incidents incidents, PrintWriter out, PrintWriter err) throws Exception;

        @Override
        public Integer call() throws Exception {
            Map<String, String> env = System.getenv();
            PrintWriter err = spec.commandLine().getErr();
            try (AlertStore store = AlertStore.open(storeOptions.resolve(env))) {
                Incidents incidents = new Incidents(store, RunbookCatalog.dataDir(env).resolve("runs"), Clock.systemUTC());
                return run(incidents, spec.commandLine().getOut(), err);
            } catch (IllegalArgumentException e) {
                err.println("nightwatch: " + e.getMessage());
                return NightwatchCommand.EXIT_USAGE;
            } finally {
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        static String who(Map<String, String> env) {
            return env.getOrDefault("USER", env.getOrDefault("LOGNAME", "operator"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Incidents, newest first.")
    static class ListIncidents extends Sub {
        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            if (incidents.list().isEmpty()) out.println("no incidents");
            for (Incident i : incidents.list()) {
                out.printf("#%d  %-6s  %s  %-8s %s%n", i.id(), i.open() ? "OPEN" : "closed", TIME.format(i.openedAt()), i.scope(), i.title());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An incident's facts and timeline.")
    static class Show extends Sub {
        @Parameters(paramLabel = "ID")
        long id;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            // the same redacted Markdown as the export: what is shown on a shared screen must not leak either
            out.print(IncidentExport.render(incidents.report(id), IncidentExport.Format.MARKDOWN));
            return 0;
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open an incident (or show the one open in that scope).")
    static class Open extends Sub {
        @Parameters(paramLabel = "TITLE")
        String title;
        @Option(names = "--scope", defaultValue = "stack", description = "A host name, or stack (default).")
        String scope;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            Incident i = incidents.open(scope, title, who(System.getenv()));
            out.println("#" + i.id() + " " + i.title() + " (opened " + TIME.format(i.openedAt()) + " UTC by " + i.openedBy() + ")");
            return 0;
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a timestamped note to an incident's timeline.")
    static class Note extends Sub {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            incidents.note(id, text, who(System.getenv()));
            err.println("nightwatch: note added to incident #" + id);
            return 0;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close an incident.")
    static class Close extends Sub {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--summary", defaultValue = "", description = "What fixed it, in a line.")
        String summary;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            Incident i = incidents.close(id, who(System.getenv()), summary);
            err.println("nightwatch: incident #" + id + " closed after " + IncidentReport.human(
                    java.time.Duration.between(i.openedAt(), i.closedAt().orElseThrow())));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the post-mortem draft (redacted) as md, json or html.")
    static class Export extends Sub {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--format", defaultValue = "md", description = "md, json or html (default ${DEFAULT-VALUE}).")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE", converter = CliValues.OutputPath.class)
        Path out;

        int run(Incidents incidents, PrintWriter stdout, PrintWriter err) throws Exception {
            IncidentExport.Format f = IncidentExport.Format.of(format);
            if (java.nio.file.Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder; name a file");
            IncidentReport report = incidents.report(id);
            IncidentExport.write(report, f, out);
            var kinds = IncidentExport.redactedKinds(report);
            err.println("nightwatch: incident #" + id + " written to " + out + (kinds.isEmpty() ? "" : " (redacted: "
                    + String.join(", ", kinds.stream().map(k -> k.name().toLowerCase().replace('_', ' ')).toList()) + ")"));
            return 0;
        }
    }
}
